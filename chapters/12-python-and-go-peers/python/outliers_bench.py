"""Times pb.Outliers.Detect from Python: builds one request of --metrics CPU
readings (planted outliers at 7, 113 and 835), then calls each --addr in turn,
--runs times, after one untimed warm-up call each. Each call is timed around
the stub call alone: from the call, with the request built, to the reply in
hand. One JSON line per timed call. bench.ts runs it against the TypeScript
and the Python server side by side, so that both see the same load.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/outliers_bench.py \\
        --addr localhost:50051 --addr localhost:50052 --metrics 1000000 --runs 5
"""
import argparse
import json
import sys
import time

import common  # noqa: F401  (puts generated/python on the import path)
import grpc
import numpy as np
from google.protobuf.timestamp_pb2 import Timestamp

import outliers_pb2
import outliers_pb2_grpc
from outliers_client import PLANTED, START

# A million metrics take the servers about a second; a minute means something is wrong.
DEADLINE_SECONDS = 60.0


def cpu_readings(size: int) -> outliers_pb2.OutliersRequest:
    """size CPU readings in [0, 40), one second apart, with the planted outliers."""
    values = np.random.default_rng(2020).uniform(0, 40, size)
    for index, value in PLANTED.items():
        if index < size:
            values[index] = value
    first = int(START.timestamp())
    # Timestamp(seconds=...) rather than FromDatetime: the same value, built
    # some ten times faster, which matters a million times over.
    return outliers_pb2.OutliersRequest(
        metrics=[
            outliers_pb2.Metric(time=Timestamp(seconds=first + i), name="CPU", value=value)
            for i, value in enumerate(values.tolist())
        ]
    )


def main():
    parser = argparse.ArgumentParser(description="Times pb.Outliers.Detect with one big request.")
    parser.add_argument("--addr", action="append", required=True, help="host:port of a server; repeat to compare servers")
    parser.add_argument("--metrics", type=int, default=1_000_000, help="metrics in the request (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5, help="timed calls per server (default 5)")
    args = parser.parse_args()

    started = time.perf_counter()
    request = cpu_readings(args.metrics)
    built_ms = (time.perf_counter() - started) * 1000
    header = {"metrics": args.metrics, "request_bytes": request.ByteSize(), "built_ms": round(built_ms, 1)}
    print(json.dumps(header), flush=True)

    channels = [grpc.insecure_channel(address) for address in args.addr]
    stubs = [outliers_pb2_grpc.OutliersStub(channel) for channel in channels]
    try:
        for stub in stubs:  # connects, and warms both sides up
            stub.Detect(request, timeout=DEADLINE_SECONDS)
        # Taking turns, so that a burst of load elsewhere on the machine falls
        # on both servers rather than on whichever ran at that moment.
        for run in range(args.runs):
            for address, stub in zip(args.addr, stubs):
                started = time.perf_counter()
                reply = stub.Detect(request, timeout=DEADLINE_SECONDS)
                elapsed_ms = (time.perf_counter() - started) * 1000
                record = {"addr": address, "run": run, "ms": round(elapsed_ms, 1), "indices": list(reply.indices)}
                print(json.dumps(record), flush=True)
    except grpc.RpcError as error:
        sys.exit(f"Detect failed: {error.code().name}: {error.details()}")
    finally:
        for channel in channels:
            channel.close()


if __name__ == "__main__":
    main()
