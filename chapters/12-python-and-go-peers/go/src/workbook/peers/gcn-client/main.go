// Command gcn-client sends graphs to GCNService, as the original tutorial's Go
// backend did: a path of four nodes, the same path with its edges listed
// untidily, a graph with every kind of mistake, and an empty graph. It prints
// one JSON line per call.
package main

import (
	"context"

	"google.golang.org/protobuf/proto"

	pb "workbook/pb/gcn"
	"workbook/peers/interop"
)

func nodes(ids []string, features [][]float32) []*pb.Node {
	out := make([]*pb.Node, len(ids))
	for i, id := range ids {
		out[i] = &pb.Node{Id: id, Features: features[i]}
	}
	return out
}

// edges takes source and target ids in turn: "A", "B", "B", "C" is A → B, B → C.
func edges(ends ...string) []*pb.Edge {
	out := make([]*pb.Edge, 0, len(ends)/2)
	for i := 0; i+1 < len(ends); i += 2 {
		out = append(out, &pb.Edge{SourceId: ends[i], TargetId: ends[i+1]})
	}
	return out
}

func main() {
	conn := interop.Dial("GCNService")
	client := pb.NewGCNServiceClient(conn)

	path := []string{"A", "B", "C", "D"}
	pathFeatures := [][]float32{{1, 0.5}, {-1, 2}, {0.25, 3}, {2, -1}}
	requests := []*pb.GraphData{
		{Nodes: nodes(path, pathFeatures), Edges: edges("A", "B", "B", "C", "C", "D")},
		{Nodes: nodes(path, pathFeatures), Edges: edges("B", "A", "A", "B", "C", "B", "D", "C", "D", "D")},
		{Nodes: nodes([]string{"A", "B", "A"}, [][]float32{{1, 2}, {1, 2, 3}, {3, 4}}), Edges: edges("A", "E")},
		{},
	}

	var calls interop.Calls
	for _, request := range requests {
		request := request
		calls.Call("/GCNService/ProcessGraph", func(ctx context.Context) (proto.Message, error) {
			return client.ProcessGraph(ctx, request)
		})
	}
	calls.Done(conn)
}
