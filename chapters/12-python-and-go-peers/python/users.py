"""MyService, answering exactly as the workbook's TypeScript MyService
(chapter 03) does: all or nothing, with a status that names the bad ids.

The original tutorial's Health returned None, which grpcio cannot serialize:
its clients got INTERNAL ("Failed to serialize response!") instead of the
empty message. Here it returns Empty().
"""
import common  # noqa: F401  (puts generated/python on the import path)
import grpc
from google.protobuf import empty_pb2

import users_pb2
import users_pb2_grpc

MAX_IDS_PER_CALL = 100

SAMPLE_USERS = {
    1: users_pb2.User(name="Amara Okafor", age=34, email="amara@example.com"),
    2: users_pb2.User(name="Bao Tran", age=28, email="bao@example.com"),
    3: users_pb2.User(name="Carmen Ruiz", age=45, email="carmen@example.org"),
    4: users_pb2.User(name="Dmitri Volkov", age=52, email="dmitri@example.org"),
    5: users_pb2.User(name="Elif Yılmaz", age=23, email="elif@example.net"),
}


def _listed(ids) -> str:
    """Each id once, in the order first seen: "7, 9"."""
    return ", ".join(str(i) for i in dict.fromkeys(ids))


class MyService(users_pb2_grpc.MyServiceServicer):
    def Health(self, request, context):
        return empty_pb2.Empty()

    def User(self, request, context):
        ids = list(request.userIDs)
        if len(ids) > MAX_IDS_PER_CALL:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"at most {MAX_IDS_PER_CALL} user ids per call, got {len(ids)}")
        not_positive = [i for i in ids if i <= 0]
        if not_positive:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"user ids are positive; got {_listed(not_positive)}")
        missing = [i for i in ids if i not in SAMPLE_USERS]
        if missing:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no users with ids {_listed(missing)}")
        return users_pb2.UserReply(message="success", data=[SAMPLE_USERS[i] for i in ids])


def add_to_server(server):
    users_pb2_grpc.add_MyServiceServicer_to_server(MyService(), server)
