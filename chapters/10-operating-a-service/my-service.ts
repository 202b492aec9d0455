// Chapter 03's MyService, now with a dependency: while the user directory is
// unreachable, User fails fast with UNAVAILABLE (the code that tells a client
// "try again, maybe elsewhere") instead of hanging or answering wrongly.
// MyService.Health stays up: it says the process is alive (liveness), while
// grpc.health.v1 says whether the service can do its job (readiness).
import { status, type Server } from '@grpc/grpc-js';
import { UnimplementedMyServiceService } from '../../generated/static/users.ts';
import { myServiceHandlers } from '../03-calculator-and-users/users.ts';
import { RpcError } from '../shared/rpc-error.ts';
import type { UserDirectory } from './user-directory.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export function myServiceBackedBy(directory: UserDirectory): UnimplementedMyServiceService {
  const handlers = myServiceHandlers(directory.table);
  return {
    Health: handlers.Health,
    User: (call, callback) => {
      const failure = directory.failure;
      if (failure === undefined) handlers.User(call, callback);
      else callback(new RpcError(status.UNAVAILABLE, `user directory unreachable: ${failure}`));
    },
  };
}

export function addMyServiceBackedBy(server: Server, directory: UserDirectory): void {
  server.addService(withWireChecks(UnimplementedMyServiceService.definition), myServiceBackedBy(directory));
}
