"""pb.Outliers with numpy, as in the original tutorial: a value is an outlier
when it lies strictly more than two standard deviations from the mean."""
import common  # noqa: F401  (puts generated/python on the import path)
import grpc
import numpy as np

import outliers_pb2
import outliers_pb2_grpc


def find_outliers(values: np.ndarray) -> np.ndarray:
    """Indices of the values more than 2σ from the mean (σ of the whole population)."""
    # All equal (and so also one value or none): σ is 0 and nothing is an
    # outlier. Said outright, as chapter 07 does: the mean of equal values can
    # miss them by a rounding error, which σ need not match.
    if values.size == 0 or values.min() == values.max():
        return np.empty(0, dtype=np.int64)
    # np.std is the population σ (ddof=0), and the comparison is strictly "more than".
    return np.flatnonzero(np.abs(values - values.mean()) > 2 * values.std())


def find_outliers_per_name(values: np.ndarray, names: list) -> np.ndarray:
    """The outliers judged separately for each metric name, as chapter 07's
    TypeScript server judges them (a mean over CPU percentages and memory bytes
    together would mean nothing). Indices into the whole list, ascending."""
    if len(set(names)) <= 1:  # the usual case, and far cheaper than np.unique on strings
        return find_outliers(values)
    unique, name_ids = np.unique(np.array(names, dtype=object), return_inverse=True)
    found = [positions[find_outliers(values[positions])] for positions in (np.flatnonzero(name_ids == i) for i in range(unique.size))]
    return np.sort(np.concatenate(found))


def _spelled(value: float) -> str:
    # JavaScript's spelling, so that this server and the TypeScript one refuse alike.
    return "NaN" if np.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


class Outliers(outliers_pb2_grpc.OutliersServicer):
    def Detect(self, request, context):
        metrics = request.metrics
        values = np.fromiter((m.value for m in metrics), dtype=np.float64, count=len(metrics))
        # One NaN would make the mean NaN and every comparison false: refuse
        # the request, naming the first bad value, rather than answer "none".
        # The message is chapter 07's, word for word.
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            index = int(bad[0])
            context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"metrics[{index}].value is {_spelled(values[index])}; values must be finite numbers",
            )
        indices = find_outliers_per_name(values, [m.name for m in metrics])
        return outliers_pb2.OutliersResponse(indices=indices.tolist())


def add_to_server(server):
    outliers_pb2_grpc.add_OutliersServicer_to_server(Outliers(), server)
