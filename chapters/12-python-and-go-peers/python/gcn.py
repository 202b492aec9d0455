"""GCNService with numpy: chapter 06's untrained two-layer GCN, computing the
same scores as its TypeScript server (to float32 rounding), and refusing the
same bad graphs in the same words.

    H1     = ReLU(Â X W1)     Â = D^-1/2 (A + I) D^-1/2, edges undirected, counted once
    score  = sigmoid(Â H1 W2)

The weights are not trained: they are drawn from chapter 06's seeded generator
(mulberry32, seed 2017 + the feature width), so both languages draw the same.
"""
import itertools
import json
import math

import common  # noqa: F401  (puts generated/python on the import path)
import grpc
import numpy as np

import gcn_pb2
import gcn_pb2_grpc

HIDDEN_UNITS = 16
SERVED_MODEL_SEED = 2017
MAX_FEATURES_PER_NODE = 4096
EXAMPLES_SHOWN = 5
MASK = 0xFFFFFFFF


def seeded_random(seed: int):
    """mulberry32, as chapters/shared/seeded-random.ts: 32-bit unsigned arithmetic throughout."""
    state = seed & MASK

    def imul(a: int, b: int) -> int:
        return (a * b) & MASK

    def next_value() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 2**32

    return next_value


def glorot_weights(input_width: int, hidden_width: int, seed: int):
    """W1 (F × H, drawn row by row) then W2 (H × 1), uniform in ±√(6 / (fan in + fan out))."""
    random = seeded_random(seed)

    def uniform(fan_in: int, fan_out: int, count: int) -> np.ndarray:
        limit = math.sqrt(6 / (fan_in + fan_out))
        return np.array([(2 * random() - 1) * limit for _ in range(count)], dtype=np.float64)

    w1 = uniform(input_width, hidden_width, input_width * hidden_width).reshape(input_width, hidden_width)
    w2 = uniform(hidden_width, 1, hidden_width).reshape(hidden_width, 1)
    return w1, w2


def normalized_adjacency(node_count: int, sources: np.ndarray, targets: np.ndarray):
    """Â's off-diagonal entries (rows, columns, weights) and its diagonal. Each
    undirected edge counts once however it is listed; self-loops are the I."""
    keep = sources != targets
    rows = np.concatenate([sources[keep], targets[keep]])
    columns = np.concatenate([targets[keep], sources[keep]])
    pairs = np.unique(rows.astype(np.int64) * node_count + columns)
    rows, columns = pairs // node_count, pairs % node_count
    inverse_root_degree = 1 / np.sqrt(np.bincount(rows, minlength=node_count) + 1.0)
    return rows, columns, inverse_root_degree[rows] * inverse_root_degree[columns], inverse_root_degree**2


def propagate(adjacency, values: np.ndarray) -> np.ndarray:
    """Â · values, summed in float64 (values are float32, as in chapter 06)."""
    rows, columns, weights, diagonal = adjacency
    out = diagonal[:, None] * values.astype(np.float64)
    # One weighted bincount per column adds many terms into few rows;
    # np.add.at says the same more plainly, and made the model several times
    # slower on compare-gcn.ts's graph.
    for k in range(values.shape[1]):
        out[:, k] += np.bincount(rows, weights * values[columns, k], minlength=out.shape[0])
    return out


def score_graph(features: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """One float32 score per node. Products are summed in float64 and stored
    as float32 between the steps, where chapter 06 stores them so."""
    w1, w2 = glorot_weights(features.shape[1], HIDDEN_UNITS, SERVED_MODEL_SEED + features.shape[1])
    adjacency = normalized_adjacency(features.shape[0], sources, targets)
    hidden = np.maximum(propagate(adjacency, (features.astype(np.float64) @ w1).astype(np.float32)), 0).astype(np.float32)
    logits = propagate(adjacency, (hidden.astype(np.float64) @ w2).astype(np.float32))[:, 0]
    return (1 / (1 + np.exp(-logits))).astype(np.float32)


def _quoted(node_id: str) -> str:
    return json.dumps(node_id, ensure_ascii=False)


def _spelled(value: float) -> str:
    # JavaScript's spelling, as chapter 06's message has it.
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


class GraphProblems:
    """Every kind of problem with a few examples each, in chapter 06's words and order."""

    def __init__(self):
        self.problems = {}

    def add(self, kind: str, example: str):
        examples, count = self.problems.get(kind, ([], 0))
        if len(examples) < EXAMPLES_SHOWN:
            examples.append(example)
        self.problems[kind] = (examples, count + 1)

    def __str__(self):
        def described(kind, examples, count):
            more = f", and {count - len(examples):,} more" if count > len(examples) else ""
            return f"{kind}: {', '.join(examples)}{more}"

        return "; ".join(described(kind, examples, count) for kind, (examples, count) in self.problems.items())


def read_graph(request):
    """The request as arrays, or the reason it is not a graph this model can score (a str)."""
    return _well_formed_graph(request) or _graph_problems(request)


def _well_formed_graph(request):
    """The request as arrays if nothing is wrong with it, checked a column at a
    time; None if anything is, and _graph_problems says what."""
    ids = [node.id for node in request.nodes]
    features = [node.features for node in request.nodes]
    widths = {len(row) for row in features}
    if not ids or len(widths) != 1 or not 0 < min(widths) <= MAX_FEATURES_PER_NODE or "" in ids:
        return None
    index = {node_id: node for node, node_id in enumerate(ids)}
    if len(index) != len(ids):
        return None
    width = widths.pop()
    matrix = np.fromiter(itertools.chain.from_iterable(features), dtype=np.float32, count=len(ids) * width).reshape(len(ids), width)
    if not np.isfinite(matrix).all():
        return None
    # Both ends of every edge in one pass over the messages: -1 for an unknown id.
    find = index.get
    ends = (find(end, -1) for edge in request.edges for end in (edge.source_id, edge.target_id))
    positions = np.fromiter(ends, dtype=np.int64, count=2 * len(request.edges))
    if (positions < 0).any():
        return None
    return ids, matrix, positions[0::2], positions[1::2]


def _graph_problems(request):
    """Every problem with the request, walked message by message: the slow
    path, for a graph that _well_formed_graph turned down."""
    if len(request.nodes) == 0:
        return "invalid graph: it has no nodes"
    problems = GraphProblems()
    index = {}
    width = 0
    first_with_features = ""
    rows = []
    for node, message in enumerate(request.nodes):
        name = _quoted(message.id) if message.id else f"node #{node}"
        if not message.id:
            problems.add("every node needs an id", f"node #{node} has none")
        elif message.id in index:
            problems.add("node ids must be unique", f"{name} (nodes #{index[message.id]} and #{node})")
        else:
            index[message.id] = node
        features = list(message.features)
        if not features:
            problems.add("every node needs at least one feature", f"{name} has none")
        elif len(features) > MAX_FEATURES_PER_NODE:
            problems.add(f"at most {MAX_FEATURES_PER_NODE:,} features per node", f"{name} has {len(features):,}")
        else:
            if width == 0:
                width, first_with_features = len(features), name
            if len(features) != width:
                problems.add(f"every node needs as many features as the first ({first_with_features}: {width})", f"{name} has {len(features)}")
            else:
                for k, value in enumerate(features):
                    if not math.isfinite(value):
                        problems.add("features must be finite numbers", f"{name}[{k}] is {_spelled(value)}")
        rows.append(features if len(features) == width else [0.0] * width)
    sources, targets = [], []
    for edge, message in enumerate(request.edges):
        source, target = index.get(message.source_id, -1), index.get(message.target_id, -1)
        if source < 0 or target < 0:
            start, end = _quoted(message.source_id), _quoted(message.target_id)
            unknown = " and ".join(name for name in (start if source < 0 else "", end if target < 0 and end != start else "") if name)
            problems.add("edges must join nodes of the graph", f"#{edge} {start} → {end} (no node {unknown})")
        sources.append(source)
        targets.append(target)
    if problems.problems:
        return f"invalid graph: {problems}"
    features = np.array(rows, dtype=np.float32).reshape(len(rows), width)
    return [m.id for m in request.nodes], features, np.array(sources, dtype=np.int64), np.array(targets, dtype=np.int64)


class GCNService(gcn_pb2_grpc.GCNServiceServicer):
    def ProcessGraph(self, request, context):
        graph = read_graph(request)
        if isinstance(graph, str):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, graph)
        ids, features, sources, targets = graph
        scores = score_graph(features, sources, targets)
        return gcn_pb2.GCNResult(node_scores=dict(zip(ids, scores.tolist())))


def add_to_server(server):
    gcn_pb2_grpc.add_GCNServiceServicer_to_server(GCNService(), server)
