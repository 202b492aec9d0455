// MyService: a liveness probe and a batch user lookup over an in-memory table.
//
// Unknown ids: the whole call fails with NOT_FOUND naming every missing id,
// rather than answering the users that were found. `User` has no id field, so
// a shorter `data` list could not be matched back to the ids that were asked
// for; and a client that ignores `message` would never notice the gap. The
// reply's data[i] is always the user for userIDs[i].
import { status, type Server } from '@grpc/grpc-js';
import { google } from '../../generated/static/google/protobuf/empty.ts';
import { UnimplementedMyServiceService, User, UserReply } from '../../generated/static/users.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { RpcError } from '../shared/rpc-error.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export interface UserRecord {
  name: string;
  age: number;
  email: string;
}

export const MAX_IDS_PER_CALL = 100;

export const SAMPLE_USERS: ReadonlyMap<number, UserRecord> = new Map([
  [1, { name: 'Amara Okafor', age: 34, email: 'amara@example.com' }],
  [2, { name: 'Bao Tran', age: 28, email: 'bao@example.com' }],
  [3, { name: 'Carmen Ruiz', age: 45, email: 'carmen@example.org' }],
  [4, { name: 'Dmitri Volkov', age: 52, email: 'dmitri@example.org' }],
  [5, { name: 'Elif Yılmaz', age: 23, email: 'elif@example.net' }],
]);

export function lookUpUsers(table: ReadonlyMap<number, UserRecord>, ids: readonly number[]): UserRecord[] {
  if (ids.length > MAX_IDS_PER_CALL) {
    throw new RpcError(status.INVALID_ARGUMENT, `at most ${MAX_IDS_PER_CALL} user ids per call, got ${ids.length}`);
  }
  const notPositive = ids.filter((id) => id <= 0);
  if (notPositive.length > 0) {
    throw new RpcError(status.INVALID_ARGUMENT, `user ids are positive; got ${unique(notPositive).join(', ')}`);
  }
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0) {
    throw new RpcError(status.NOT_FOUND, `no users with ids ${unique(missing).join(', ')}`);
  }
  return ids.map((id) => table.get(id)!); // every id was checked just above
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

export function myServiceHandlers(table: ReadonlyMap<number, UserRecord> = SAMPLE_USERS): UnimplementedMyServiceService {
  return {
    Health: unaryHandler(() => new google.protobuf.Empty()),
    User: unaryHandler(
      (request) =>
        new UserReply({
          message: 'success',
          data: lookUpUsers(table, request.userIDs).map((record) => new User(record)),
        }),
    ),
  };
}

export function addMyService(server: Server, table?: ReadonlyMap<number, UserRecord>): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(UnimplementedMyServiceService.definition), myServiceHandlers(table));
}
