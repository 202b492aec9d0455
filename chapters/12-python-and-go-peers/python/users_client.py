"""Calls MyService as the original tutorial's Go client did (User with ids 1
and 2), then with ids the server must refuse. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/users_client.py --addr localhost:50051
"""
from common import DEADLINE_SECONDS, run_client
from google.protobuf import empty_pb2

import users_pb2
import users_pb2_grpc


def make_calls(channel, log):
    service = users_pb2_grpc.MyServiceStub(channel)
    log.record("/MyService/Health", lambda: service.Health(empty_pb2.Empty(), timeout=DEADLINE_SECONDS))
    for ids in ([1, 2], [2, 7, 9], [0, -3]):
        log.record("/MyService/User", lambda: service.User(users_pb2.UserReq(userIDs=ids), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls MyService.Health and MyService.User.", make_calls)
