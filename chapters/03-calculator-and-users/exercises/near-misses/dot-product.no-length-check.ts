// Near-miss for exercise 03-A: the reference solution, except that it does not refuse vectors of different lengths.
// The exercise's test must fail against it (the workbook checks that it does).
import { AddRequest, MultiplyRequest, type CalClient } from '../../../../generated/static/calculator.ts';
import { callUnary, deadlineIn } from '../../../shared/client.ts';

export async function dotProduct(client: CalClient, xs: number[], ys: number[]): Promise<number> {
  // The products are independent, so they can be in flight together.
  const products = await Promise.all(
    xs.map(async (x, i) => {
      const reply = await callUnary(client.Multiply, new MultiplyRequest({ number1: x, number2: ys[i] }), { deadline: deadlineIn() });
      return reply.number;
    }),
  );
  let sum = 0;
  for (const product of products) {
    const reply = await callUnary(client.Add, new AddRequest({ number1: sum, number2: product }), { deadline: deadlineIn() });
    sum = reply.number;
  }
  return sum;
}
