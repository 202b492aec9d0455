"""What the workbook's Python peers share: where the generated code is, the
deadline every call carries, and how a client reports its calls.

A client prints one JSON line per call, {"method": ..., "reply": {...}} or
{"method": ..., "code": 3, "details": ...}, so that the workbook's tests can
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
# (INTEROP_DEADLINE_MS in ts-client.ts): long enough for a first call that
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


class CallLog:
    """Prints each call's outcome as a JSON line, and remembers whether the server could be reached."""

    def __init__(self):
        self.unreachable = False

    def record(self, method: str, call):
        """Runs call() (which makes one RPC) and prints what came back."""
        try:
            reply = call()
            # Field names as in the .proto, and fields at their default value
            # included, as the TypeScript (proto-loader) and Go clients print them.
            record = {
                "method": method,
                "reply": MessageToDict(reply, preserving_proto_field_name=True, including_default_value_fields=True),
            }
        except grpc.RpcError as error:
            self.unreachable |= error.code() == grpc.StatusCode.UNAVAILABLE
            record = {"method": method, "code": error.code().value[0], "details": error.details()}
        print(json.dumps(record, ensure_ascii=False), flush=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.unreachable else 0
