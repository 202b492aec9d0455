"""Sends metrics to pb.Outliers: the original tutorial's data set (1,000 CPU
readings one second apart, three of them planted outliers), the article's own
small example, and a reading that is not a number. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/outliers_client.py --addr localhost:50051
"""
from datetime import datetime, timedelta, timezone

from common import DEADLINE_SECONDS, run_client
import numpy as np
from google.protobuf.timestamp_pb2 import Timestamp

import outliers_pb2
import outliers_pb2_grpc

START = datetime(2020, 5, 22, 14, 13, 11, tzinfo=timezone.utc)
PLANTED = {7: 97.3, 113: 92.1, 835: 93.2}


def original_data_set(size: int = 1000) -> list:
    """CPU readings in [0, 40), one second apart, with outliers at 7, 113 and 835."""
    values = np.random.default_rng(2020).uniform(0, 40, size)  # seeded: every run sends the same
    for index, value in PLANTED.items():
        values[index] = value
    metrics = []
    for i, value in enumerate(values):
        time = Timestamp()
        time.FromDatetime(START + timedelta(seconds=i))
        metrics.append(outliers_pb2.Metric(time=time, name="CPU", value=value))
    return metrics


def values_only(*values: float) -> list:
    return [outliers_pb2.Metric(value=value) for value in values]


def make_calls(channel, log):
    outliers = outliers_pb2_grpc.OutliersStub(channel)
    for metrics in (original_data_set(), values_only(1, 2, 100, 1, 3, 200, 1), values_only(1, 2, float("nan"), 4)):
        request = outliers_pb2.OutliersRequest(metrics=metrics)
        log.record("/pb.Outliers/Detect", lambda: outliers.Detect(request, timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls pb.Outliers.Detect.", make_calls)
