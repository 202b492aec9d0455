"""What the workbook's Python peers share: where the generated code is, the
deadline every call carries, and how a client reports its calls.

A client prints one JSON line per call, {"method": ..., "reply": {...}} or
{"method": ..., "code": 3, "details": ...}; a call that returns a stream has
the list of its replies as "reply". That way the workbook's tests can
compare what it saw with what the TypeScript and Go clients saw.
"""
import argparse
import json
import sys
from pathlib import Path

# grpc_tools.protoc writes modules that import each other by top-level name
# ("import hello_pb2"), so their folder goes on the import path before any of
# them is imported.
GENERATED = Path(__file__).resolve().parents[3] / "generated" / "python"
sys.path.insert(0, str(GENERATED))

import grpc  # noqa: E402  (after the path set-up, like the generated imports)
from google.protobuf.json_format import MessageToDict  # noqa: E402

DEFAULT_ADDRESS = "localhost:50051"

# Every call carries a deadline, the same as the TypeScript and Go clients'
# (INTEROP_DEADLINE_MS in pairings/ts-client.ts): long enough for a first call that
# also connects on a busy machine, short enough to stop a hung one.
DEADLINE_SECONDS = 5.0


def run_client(description: str, make_calls):
    """Reads --addr, opens a plaintext channel to it, lets make_calls(channel, log)
    make its calls, and exits: with status 1 if the server could not be reached."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--addr", default=DEFAULT_ADDRESS, help=f"host:port of the server (default {DEFAULT_ADDRESS})")
    address = parser.parse_args().addr
    log = CallLog()
    with grpc.insecure_channel(address) as channel:
        make_calls(channel, log)
    sys.exit(log.exit_code)


def as_dict(message) -> dict:
    # Field names as in the .proto, and fields at their default value included,
    # as the TypeScript (proto-loader) and Go clients print them.
    return MessageToDict(message, preserving_proto_field_name=True, including_default_value_fields=True)


class CallLog:
    """Prints each call's outcome as a JSON line, and remembers whether the server could be reached."""

    def __init__(self):
        self.unreachable = False

    def record(self, method: str, call):
        """Runs call() (which makes one RPC) and prints what came back."""
        self.emit(self.outcome(method, lambda: as_dict(call())))

    def record_stream(self, method: str, call):
        """Runs call() (which returns a stream of replies), reads it to its end,
        and prints the replies as a list, or the status it ended with."""
        self.emit(self.outcome(method, lambda: [as_dict(reply) for reply in call()]))

    def outcome(self, method: str, call) -> dict:
        """The record of one call, without printing it: call() returns the reply as plain data."""
        try:
            return {"method": method, "reply": call()}
        except grpc.RpcError as error:
            return self.refusal(method, error)

    def refusal(self, method: str, error: grpc.RpcError) -> dict:
        """The record of a call that ended with `error`'s status."""
        self.unreachable |= error.code() == grpc.StatusCode.UNAVAILABLE
        return {"method": method, "code": error.code().value[0], "details": error.details()}

    @staticmethod
    def emit(record: dict):
        print(json.dumps(record, ensure_ascii=False), flush=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.unreachable else 0
