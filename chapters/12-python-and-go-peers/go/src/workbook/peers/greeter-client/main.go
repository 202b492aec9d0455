// Command greeter-client calls helloworld.Greeter the way every Greeter
// client in the workbook does, and prints one JSON line per call.
package main

import (
	"context"

	"google.golang.org/protobuf/proto"

	pb "workbook/pb/helloworld"
	"workbook/peers/interop"
)

func main() {
	conn := interop.Dial("helloworld.Greeter")
	client := pb.NewGreeterClient(conn)

	var calls interop.Calls
	for _, name := range []string{"World", "Ada", "Grüße 👋", ""} {
		request := &pb.HelloRequest{Name: name}
		if name == "Ada" {
			calls.Call("/helloworld.Greeter/SayHelloAgain", func(ctx context.Context) (proto.Message, error) {
				return client.SayHelloAgain(ctx, request)
			})
			continue
		}
		calls.Call("/helloworld.Greeter/SayHello", func(ctx context.Context) (proto.Message, error) {
			return client.SayHello(ctx, request)
		})
	}
	calls.Done(conn)
}
