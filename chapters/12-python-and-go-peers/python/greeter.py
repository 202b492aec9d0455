"""helloworld.Greeter, answering exactly as the workbook's TypeScript Greeter
(chapter 02) does, refusals included."""
import common  # noqa: F401  (puts generated/python on the import path)
import grpc

import hello_pb2
import hello_pb2_grpc


def _name_of(request, context) -> str:
    if not request.name:
        # abort() raises: the client gets this status instead of "Hello, ".
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "name must not be empty")
    return request.name


class Greeter(hello_pb2_grpc.GreeterServicer):
    def SayHello(self, request, context):
        return hello_pb2.HelloReply(message=f"Hello, {_name_of(request, context)}")

    def SayHelloAgain(self, request, context):
        return hello_pb2.HelloReply(message=f"Hello again, {_name_of(request, context)}")


def add_to_server(server):
    hello_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
