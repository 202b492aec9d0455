"""Calls helloworld.Greeter the way every Greeter client in the workbook does,
printing one JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/greeter_client.py --addr localhost:50051
"""
from common import DEADLINE_SECONDS, run_client

import hello_pb2
import hello_pb2_grpc


def make_calls(channel, log):
    greeter = hello_pb2_grpc.GreeterStub(channel)
    for method, name in [("SayHello", "World"), ("SayHelloAgain", "Ada"), ("SayHello", "Grüße 👋"), ("SayHello", "")]:
        call = getattr(greeter, method)
        log.record(f"/helloworld.Greeter/{method}", lambda: call(hello_pb2.HelloRequest(name=name), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls SayHello and SayHelloAgain on a helloworld.Greeter server.", make_calls)
