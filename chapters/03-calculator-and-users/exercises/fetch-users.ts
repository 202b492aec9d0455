// Exercise 03-B: look up any number of users from a server that takes at most
// 100 ids per call.
//
// Implement fetchUsers(client, ids): resolve with one User per id, in the
// order of `ids` (duplicates included), however many ids there are.
//   - Send the ids in batches of at most MAX_IDS_PER_CALL (100): 250 ids take
//     exactly 3 calls.
//   - No ids: resolve with [] without calling the server.
//   - If any batch fails (say NOT_FOUND for an unknown id), reject with that
//     error as the server sent it.
//   - Every call carries a deadline.
//
// Check your work: npm run exercises -- 03
import { UserReq, type MyServiceClient, type User } from '../../../generated/static/users.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { MAX_IDS_PER_CALL } from '../users.ts';

export async function fetchUsers(client: MyServiceClient, ids: number[]): Promise<User[]> {
  // TODO: split `ids` into batches of MAX_IDS_PER_CALL and join the answers in order.
  void MAX_IDS_PER_CALL;
  const reply = await callUnary(client.User, new UserReq({ userIDs: ids }), { deadline: deadlineIn() });
  return reply.data;
}
