// Exercise 13-A, a reference solution: the Connect protocol's unary call is a
// POST whose body is the request message in JSON; an error is an HTTP status
// plus a JSON body with the code and message.

import { ConnectJsonError } from '../../from-node/connect-json-error.ts';

export { ConnectJsonError };

export async function sayHelloByHand(baseUrl: string, name: string): Promise<string> {
  const response = await fetch(`${baseUrl}/helloworld.Greeter/SayHello`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const body = (await response.json()) as { message?: string; code?: string };
  if (response.status !== 200) throw new ConnectJsonError(body.code ?? 'unknown', body.message ?? `HTTP ${response.status}`);
  // proto3 JSON leaves out a field at its default value: an empty message is "".
  return body.message ?? '';
}
