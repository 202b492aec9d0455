"""Sends graphs to GCNService, as the original tutorial's Go backend did: a
path of four nodes, the same path with its edges listed untidily, a graph
with every kind of mistake, and an empty graph. One JSON line per call.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/gcn_client.py --addr localhost:50051
"""
from common import DEADLINE_SECONDS, run_client

import gcn_pb2
import gcn_pb2_grpc

PATH_NODES = [("A", [1, 0.5]), ("B", [-1, 2]), ("C", [0.25, 3]), ("D", [2, -1])]


def graph(nodes, edges) -> gcn_pb2.GraphData:
    return gcn_pb2.GraphData(
        nodes=[gcn_pb2.Node(id=node_id, features=features) for node_id, features in nodes],
        edges=[gcn_pb2.Edge(source_id=source, target_id=target) for source, target in edges],
    )


def make_calls(channel, log):
    service = gcn_pb2_grpc.GCNServiceStub(channel)
    requests = [
        graph(PATH_NODES, [("A", "B"), ("B", "C"), ("C", "D")]),
        graph(PATH_NODES, [("B", "A"), ("A", "B"), ("C", "B"), ("D", "C"), ("D", "D")]),
        graph([("A", [1, 2]), ("B", [1, 2, 3]), ("A", [3, 4])], [("A", "E")]),
        graph([], []),
    ]
    for request in requests:
        log.record("/GCNService/ProcessGraph", lambda: service.ProcessGraph(request, timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls GCNService.ProcessGraph.", make_calls)
