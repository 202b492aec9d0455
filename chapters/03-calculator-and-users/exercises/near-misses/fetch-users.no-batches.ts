// Near-miss for exercise 03-B: the reference solution, except that it sends every id in one call instead of batches of at most 100.
// The exercise's test must fail against it (the workbook checks that it does).
import { UserReq, type MyServiceClient, type User } from '../../../../generated/static/users.ts';
import { callUnary, deadlineIn } from '../../../shared/client.ts';
import { MAX_IDS_PER_CALL } from '../../users.ts';

export async function fetchUsers(client: MyServiceClient, ids: number[]): Promise<User[]> {
  const batches: number[][] = [];
  for (let start = 0; start < ids.length; start += ids.length) {
    batches.push(ids.slice(start, start + MAX_IDS_PER_CALL));
  }
  // Promise.all keeps the batches' order and rejects with the first failure.
  const replies = await Promise.all(
    batches.map((userIDs) => callUnary(client.User, new UserReq({ userIDs }), { deadline: deadlineIn() })),
  );
  return replies.flatMap((reply) => reply.data);
}
