// Exercise 13-A: call SayHello with the Connect protocol by hand, with nothing
// but fetch: no generated code, no Connect library. This is all a page (or
// curl) needs for a unary call.
//
// Implement sayHelloByHand(baseUrl, name):
//   - POST to `${baseUrl}/helloworld.Greeter/SayHello` with the header
//     content-type: application/json and the body {"name": …} (JSON.stringify).
//   - On HTTP 200 the body is a HelloReply as JSON: resolve with its `message`.
//   - On any other HTTP status the body is a Connect error, JSON like
//     {"code": "invalid_argument", "message": "name must not be empty"}:
//     reject with a ConnectJsonError carrying that code and message.
//
// Check your work: npm run exercises -- 13

import { ConnectJsonError } from '../from-node/connect-json-error.ts';

export { ConnectJsonError };

export async function sayHelloByHand(baseUrl: string, name: string): Promise<string> {
  // TODO: replace this with the fetch call described above.
  throw new ConnectJsonError('unimplemented', `TODO: POST {"name": ${JSON.stringify(name)}} to ${baseUrl}`);
}
