"""Calls Cal as the original tutorial's cal_client.py does (Add, then
Multiply, of 100 and 300), then with a product too big for an int32. One JSON
line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/cal_client.py --addr localhost:50051
"""
from common import DEADLINE_SECONDS, run_client

import calculator_pb2
import calculator_pb2_grpc


def make_calls(channel, log):
    cal = calculator_pb2_grpc.CalStub(channel)
    for n, m in ((100, 300), (100_000, 100_000)):
        log.record("/Cal/Add", lambda: cal.Add(calculator_pb2.AddRequest(number1=n, number2=m), timeout=DEADLINE_SECONDS))
        log.record("/Cal/Multiply", lambda: cal.Multiply(calculator_pb2.MultiplyRequest(number1=n, number2=m), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls Cal.Add and Cal.Multiply.", make_calls)
