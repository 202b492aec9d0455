// Exercise 03-A: a dot product computed by the Cal service.
//
// Implement dotProduct(client, xs, ys) = xs[0]·ys[0] + xs[1]·ys[1] + …, doing
// all the arithmetic on the server: one Multiply call per pair, and Add calls
// to sum the products. Rules:
//   - If xs and ys differ in length, throw a RangeError naming both lengths
//     ("3 and 2") before making any call.
//   - The dot product of two empty vectors is 0, with no calls.
//   - Every call carries a deadline (deadlineIn() in chapters/shared/client.ts).
//   - If the server answers OUT_OF_RANGE, let that error reach the caller
//     unchanged: do not wrap it, do not retry it (it would fail again).
//
// Check your work: npm run exercises -- 03
import type { CalClient } from '../../../generated/static/calculator.ts';

export async function dotProduct(client: CalClient, xs: number[], ys: number[]): Promise<number> {
  // TODO: replace this local arithmetic with Multiply and Add calls (callUnary
  // in chapters/shared/client.ts turns a call into a promise).
  void client;
  return xs.reduce((sum, x, i) => sum + x * (ys[i] ?? 0), 0);
}
