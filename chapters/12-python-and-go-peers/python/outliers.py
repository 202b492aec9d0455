"""pb.Outliers with numpy, as in the original tutorial: a value is an outlier
when it lies strictly more than two standard deviations from the mean."""
import common  # noqa: F401  (puts generated/python on the import path)
import grpc
import numpy as np

import outliers_pb2
import outliers_pb2_grpc


def find_outliers(values: np.ndarray) -> np.ndarray:
    """Indices of the values more than 2σ from the mean (σ of the whole population)."""
    if values.size == 0:
        return np.empty(0, dtype=np.int64)
    # np.std is the population σ (ddof=0). If every value is the same, σ is 0
    # and no distance is strictly greater than 0: no outliers, no special case.
    return np.flatnonzero(np.abs(values - values.mean()) > 2 * values.std())


def _spelled(value: float) -> str:
    # JavaScript's spelling, so that this server and the TypeScript one refuse alike.
    return "NaN" if np.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


class Outliers(outliers_pb2_grpc.OutliersServicer):
    def Detect(self, request, context):
        values = np.fromiter((m.value for m in request.metrics), dtype=np.float64, count=len(request.metrics))
        # One NaN would make the mean NaN and every comparison false: refuse
        # the request, naming the first bad value, rather than answer "none".
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            index = int(bad[0])
            context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"metrics[{index}].value must be a finite number, got {_spelled(values[index])}",
            )
        return outliers_pb2.OutliersResponse(indices=find_outliers(values).tolist())


def add_to_server(server):
    outliers_pb2_grpc.add_OutliersServicer_to_server(Outliers(), server)
