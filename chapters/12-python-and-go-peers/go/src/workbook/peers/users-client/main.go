// Command users-client calls MyService as the original tutorial's Go client
// did (User with ids 1 and 2, under a deadline), then with ids the server
// must refuse. It prints one JSON line per call.
package main

import (
	"context"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"

	pb "workbook/pb/users"
	"workbook/peers/interop"
)

func main() {
	conn := interop.Dial("MyService")
	client := pb.NewMyServiceClient(conn)

	var calls interop.Calls
	calls.Call("/MyService/Health", func(ctx context.Context) (proto.Message, error) {
		return client.Health(ctx, &emptypb.Empty{})
	})
	for _, ids := range [][]int32{{1, 2}, {2, 7, 9}, {0, -3}} {
		request := &pb.UserReq{UserIDs: ids}
		calls.Call("/MyService/User", func(ctx context.Context) (proto.Message, error) {
			return client.User(ctx, request)
		})
	}
	calls.Done(conn)
}
