// Command outliers-client is the original tutorial's client.go, with its bug
// fixed: it sends 1,000 CPU readings, one second apart, with three planted
// outliers, to pb.Outliers.Detect. Then it sends the article's own small
// example, and a reading that is not a number. One JSON line per call.
package main

import (
	"context"
	"math"
	"math/rand"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	pb "workbook/pb/outliers"
	"workbook/peers/interop"
)

func main() {
	conn := interop.Dial("pb.Outliers")
	client := pb.NewOutliersClient(conn)

	var calls interop.Calls
	for _, metrics := range [][]*pb.Metric{dummyData(), valuesOnly(1, 2, 100, 1, 3, 200, 1), valuesOnly(1, 2, math.NaN(), 4)} {
		request := &pb.OutliersRequest{Metrics: metrics}
		calls.Call("/pb.Outliers/Detect", func(ctx context.Context) (proto.Message, error) {
			return client.Detect(ctx, request)
		})
	}
	calls.Done(conn)
}

// dummyData is the original data set: readings in [0, 40), one second apart,
// with outliers at indices 7, 113 and 835.
func dummyData() []*pb.Metric {
	const size = 1000
	rng := rand.New(rand.NewSource(2020)) // seeded: every run sends the same values
	out := make([]*pb.Metric, size)
	t := time.Date(2020, 5, 22, 14, 13, 11, 0, time.UTC)
	for i := range out {
		out[i] = &pb.Metric{
			Time:  timestamppb.New(t),
			Name:  "CPU",
			Value: rng.Float64() * 40, // normally below 40% CPU
		}
		// time.Time is a value: Add returns a new time and leaves t alone. The
		// original called t.Add(time.Second) without keeping the result, so
		// all 1,000 readings carried the same timestamp.
		t = t.Add(time.Second)
	}
	out[7].Value = 97.3
	out[113].Value = 92.1
	out[835].Value = 93.2
	return out
}

func valuesOnly(values ...float64) []*pb.Metric {
	out := make([]*pb.Metric, len(values))
	for i, v := range values {
		out[i] = &pb.Metric{Value: v}
	}
	return out
}
