"""Calls helloworld.Greeter the way every Greeter client in the workbook does,
printing one JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/greeter_client.py --addr localhost:50051
"""
import sys

from common import DEADLINE_SECONDS, CallLog, client_address
import grpc

import hello_pb2
import hello_pb2_grpc


def main():
    address = client_address("Calls SayHello and SayHelloAgain on a helloworld.Greeter server.")
    log = CallLog()
    with grpc.insecure_channel(address) as channel:
        greeter = hello_pb2_grpc.GreeterStub(channel)
        for method, name in [("SayHello", "World"), ("SayHelloAgain", "Ada"), ("SayHello", "Grüße 👋"), ("SayHello", "")]:
            call = getattr(greeter, method)
            log.record(
                f"/helloworld.Greeter/{method}",
                lambda: call(hello_pb2.HelloRequest(name=name), timeout=DEADLINE_SECONDS),
            )
    sys.exit(log.exit_code)


if __name__ == "__main__":
    main()
