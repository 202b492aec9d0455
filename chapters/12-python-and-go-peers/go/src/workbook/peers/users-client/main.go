// Command users-client calls MyService as the original tutorial's Go client
// did (User with ids 1 and 2, under a deadline), then with ids the server
// must refuse. It prints one JSON line per call.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"

	pb "workbook/pb/users"
	"workbook/peers/report"
)

func main() {
	addr := flag.String("addr", "localhost:50051", "host:port of a MyService server")
	flag.Parse()

	// grpc-go 1.33 (Debian's) predates insecure.NewCredentials().
	conn, err := grpc.Dial(*addr, grpc.WithInsecure())
	if err != nil {
		log.Fatalf("cannot dial %s: %v", *addr, err)
	}
	client := pb.NewMyServiceClient(conn)

	var calls report.Calls
	calls.Call("/MyService/Health", func(ctx context.Context) (proto.Message, error) {
		return client.Health(ctx, &emptypb.Empty{})
	})
	for _, ids := range [][]int32{{1, 2}, {2, 7, 9}, {0, -3}} {
		request := &pb.UserReq{UserIDs: ids}
		calls.Call("/MyService/User", func(ctx context.Context) (proto.Message, error) {
			return client.User(ctx, request)
		})
	}
	conn.Close()
	os.Exit(calls.ExitCode())
}
