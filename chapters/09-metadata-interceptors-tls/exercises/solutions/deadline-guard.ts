// Reference solution for exercise 09-A.
import { Metadata, ResponderBuilder, ServerInterceptingCall, ServerListenerBuilder, status, type ServerInterceptor } from '@grpc/grpc-js';

export function deadlineGuard(limitMs: number): ServerInterceptor {
  return (method, call) => {
    const listener = new ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        const problem = deadlineProblem(method.path, call.getDeadline(), limitMs);
        if (problem === undefined) return next(metadata);
        call.sendStatus({ code: status.INVALID_ARGUMENT, details: problem, metadata: new Metadata() });
      })
      .build();
    return new ServerInterceptingCall(call, new ResponderBuilder().withStart((next) => next(listener)).build());
  };
}

function deadlineProblem(path: string, deadline: Date | number, limitMs: number): string | undefined {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (at === Infinity) return `calls to ${path} must carry a deadline`;
  const awayMs = at - Date.now();
  if (awayMs <= limitMs) return undefined;
  const seconds = (ms: number) => Math.round(ms / 1000);
  return `the deadline of ${path} is ${seconds(awayMs)} s away; the limit is ${seconds(limitMs)} s`;
}
