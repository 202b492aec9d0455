"""Calls MyService as the original tutorial's Go client did (User with ids 1
and 2), then with ids the server must refuse. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/users_client.py --addr localhost:50051
"""
import sys

from common import DEADLINE_SECONDS, CallLog, client_address
import grpc
from google.protobuf import empty_pb2

import users_pb2
import users_pb2_grpc


def main():
    address = client_address("Calls MyService.Health and MyService.User.")
    log = CallLog()
    with grpc.insecure_channel(address) as channel:
        service = users_pb2_grpc.MyServiceStub(channel)
        log.record("/MyService/Health", lambda: service.Health(empty_pb2.Empty(), timeout=DEADLINE_SECONDS))
        for ids in ([1, 2], [2, 7, 9], [0, -3]):
            log.record("/MyService/User", lambda: service.User(users_pb2.UserReq(userIDs=ids), timeout=DEADLINE_SECONDS))
    sys.exit(log.exit_code)


if __name__ == "__main__":
    main()
