// Package report prints what a client saw for each call as one JSON line:
//
//	{"method":"/helloworld.Greeter/SayHello","reply":{"message":"Hello, World"}}
//	{"method":"/helloworld.Greeter/SayHello","code":3,"details":"name must not be empty"}
//
// The workbook's tests compare these lines with what its TypeScript and
// Python clients saw for the same calls.
package report

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// Deadline is how long each call may take, the same as for the workbook's
// TypeScript and Python clients (INTEROP_DEADLINE_MS in ts-client.ts).
const Deadline = 5 * time.Second

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

// ExitCode is 1 if a call found no server, else 0.
func (c *Calls) ExitCode() int {
	if c.unreachable {
		return 1
	}
	return 0
}
