"""Calls compute.Compute as the original tutorial's client does (SayHello
with "123456"), then with a string whose length Python and JavaScript count
differently. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/compute_client.py --addr localhost:50051
"""
from common import DEADLINE_SECONDS, run_client

import compute_pb2
import compute_pb2_grpc


def make_calls(channel, log):
    service = compute_pb2_grpc.ComputeStub(channel)
    # len("Grüße 👋") is 7 in Python; "Grüße 👋".length is 8 in JavaScript.
    for text in ("123456", "Grüße 👋"):
        log.record("/compute.Compute/SayHello", lambda: service.SayHello(compute_pb2.HelloRequest(helloworld=text), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls compute.Compute.SayHello.", make_calls)
