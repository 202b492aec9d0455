// Command outliers-server serves pb.Outliers.Detect in Go: a value is an
// outlier when it lies more than two standard deviations (population σ) from
// the mean of the values with the same name, as chapter 07's TypeScript
// server and python/outliers.py decide it, refusing the same bad input with
// the same message. It exists to be timed against them (compare/compare-outliers.ts).
//
//	outliers-server --port 0
//
// prints "listening on 127.0.0.1:PORT", serves until SIGINT or SIGTERM, then
// lets in-flight calls finish.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"net"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "workbook/pb/outliers"
)

// A million metrics are 24 MB on the wire; gRPC's default limit is 4 MiB.
const maxMessageBytes = 64 << 20

type outliers struct {
	pb.UnimplementedOutliersServer
}

func (outliers) Detect(ctx context.Context, request *pb.OutliersRequest) (*pb.OutliersResponse, error) {
	metrics := request.GetMetrics()
	values := make([]float64, len(metrics))
	for i, metric := range metrics {
		values[i] = metric.GetValue()
		if math.IsNaN(values[i]) || math.IsInf(values[i], 0) {
			return nil, status.Errorf(codes.InvalidArgument, "metrics[%d].value is %s; values must be finite numbers", i, spelled(values[i]))
		}
	}
	// One group per name: a mean over CPU percentages and memory bytes together would mean nothing.
	groups := map[string][]int{}
	for i, metric := range metrics {
		groups[metric.GetName()] = append(groups[metric.GetName()], i)
	}
	indices := []int32{}
	for _, positions := range groups {
		indices = append(indices, outlierPositions(values, positions)...)
	}
	sort.Slice(indices, func(a, b int) bool { return indices[a] < indices[b] })
	return &pb.OutliersResponse{Indices: indices}, nil
}

// outlierPositions returns the positions whose values lie more than 2σ from their mean.
func outlierPositions(values []float64, positions []int) []int32 {
	min, max := math.Inf(1), math.Inf(-1)
	for _, p := range positions {
		min, max = math.Min(min, values[p]), math.Max(max, values[p])
	}
	// All equal: σ is 0 and nothing is an outlier, said outright (the mean of
	// equal values can miss them by a rounding error).
	if !(max > min) {
		return nil
	}
	n := float64(len(positions))
	sum := 0.0
	for _, p := range positions {
		sum += values[p]
	}
	mean := sum / n
	// The corrected two-pass algorithm, as chapter 07's statistics.ts.
	squares, deviations := 0.0, 0.0
	for _, p := range positions {
		d := values[p] - mean
		squares += d * d
		deviations += d
	}
	mean += deviations / n
	limit := 2 * math.Sqrt(math.Max(0, (squares-deviations*deviations/n)/n))
	found := []int32{}
	for _, p := range positions {
		if math.Abs(values[p]-mean) > limit {
			found = append(found, int32(p))
		}
	}
	return found
}

// spelled writes NaN and the infinities as JavaScript does, so that all three servers refuse alike.
func spelled(value float64) string {
	switch {
	case math.IsNaN(value):
		return "NaN"
	case value > 0:
		return "Infinity"
	default:
		return "-Infinity"
	}
}

func main() {
	port := flag.Int("port", 50051, "0 picks a free port")
	flag.Parse()
	// Loopback only, like every server in the workbook.
	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Fatalf("could not listen on 127.0.0.1:%d: %v (try --port 0)", *port, err)
	}
	server := grpc.NewServer(grpc.MaxRecvMsgSize(maxMessageBytes))
	pb.RegisterOutliersServer(server, outliers{})
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-stop
		fmt.Println("finishing in-flight calls, then stopping")
		server.GracefulStop()
	}()
	fmt.Printf("Go server (pb.Outliers) listening on %s (Ctrl-C to stop)\n", listener.Addr())
	if err := server.Serve(listener); err != nil {
		log.Fatal(err)
	}
	fmt.Println("stopped")
}
