// Package interop is what the workbook's Go clients share: how they connect,
// and how they report each call, as one JSON line:
//
//	{"method":"/helloworld.Greeter/SayHello","reply":{"message":"Hello, World"}}
//	{"method":"/helloworld.Greeter/SayHello","code":3,"details":"name must not be empty"}
//
// The workbook's tests compare these lines with what its TypeScript and
// Python clients saw for the same calls.
package interop

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Deadline is how long each call may take, the same as for the workbook's
// TypeScript and Python clients (INTEROP_DEADLINE_MS in pairings/ts-client.ts).
const Deadline = 5 * time.Second

// Dial reads --addr from the command line and connects to it.
func Dial(service string) *grpc.ClientConn {
	addr := flag.String("addr", "localhost:50051", "host:port of a "+service+" server")
	flag.Parse()
	// Plaintext on loopback. grpc-go 1.33 (Debian's) predates
	// insecure.NewCredentials(); WithInsecure() is its way to say the same.
	// No WithBlock(), which the original used: with no server it waits
	// forever, while a call with a deadline fails promptly with UNAVAILABLE.
	conn, err := grpc.Dial(*addr, grpc.WithInsecure())
	if err != nil {
		log.Fatalf("cannot dial %s: %v", *addr, err)
	}
	return conn
}

// Field names as in the .proto, and fields at their default value included,
// as the TypeScript (proto-loader) and Python clients print them.
var replyJSON = protojson.MarshalOptions{UseProtoNames: true, EmitUnpopulated: true}

type record struct {
	Method  string          `json:"method"`
	Reply   json.RawMessage `json:"reply,omitempty"`
	Code    codes.Code      `json:"code,omitempty"`
	Details *string         `json:"details,omitempty"`
}

// Calls prints call outcomes and remembers whether the server could be
// reached. Its zero value is ready to use.
type Calls struct {
	unreachable bool
}

// Call makes one call with a fresh deadline and prints its outcome.
func (c *Calls) Call(method string, call func(ctx context.Context) (proto.Message, error)) {
	ctx, cancel := context.WithTimeout(context.Background(), Deadline)
	defer cancel()
	reply, err := call(ctx)

	r := record{Method: method}
	if err != nil {
		s := status.Convert(err)
		details := s.Message()
		r.Code, r.Details = s.Code(), &details
		c.unreachable = c.unreachable || s.Code() == codes.Unavailable
	} else if r.Reply, err = replyJSON.Marshal(reply); err != nil {
		log.Fatalf("%s: cannot print the reply: %v", method, err)
	}
	// json.Marshal also compacts the reply: protojson varies its spacing on purpose.
	line, err := json.Marshal(r)
	if err != nil {
		log.Fatalf("%s: cannot print the record: %v", method, err)
	}
	fmt.Println(string(line))
}

// Done closes conn and exits: with status 1 if a call found no server, else 0.
func (c *Calls) Done(conn *grpc.ClientConn) {
	conn.Close()
	if c.unreachable {
		os.Exit(1)
	}
	os.Exit(0)
}
