// Command greeter-client calls helloworld.Greeter the way every Greeter
// client in the workbook does, and prints one JSON line per call.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	pb "workbook/pb/helloworld"
	"workbook/peers/report"
)

func main() {
	addr := flag.String("addr", "localhost:50051", "host:port of a helloworld.Greeter server")
	flag.Parse()

	// Plaintext on loopback. grpc-go 1.33 (Debian's) predates
	// insecure.NewCredentials(); WithInsecure() is its way to say the same.
	conn, err := grpc.Dial(*addr, grpc.WithInsecure())
	if err != nil {
		log.Fatalf("cannot dial %s: %v", *addr, err)
	}
	client := pb.NewGreeterClient(conn)

	var calls report.Calls
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
	conn.Close()
	os.Exit(calls.ExitCode())
}
