// Near-miss for exercise 09-A: the reference solution, except that it lets calls without a deadline through.
// The exercise's test must fail against it (the workbook checks that it does).
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
  if (at === Infinity) return undefined;
  const awayMs = at - Date.now();
  if (awayMs <= limitMs) return undefined;
  const seconds = (ms: number) => Math.round(ms / 1000);
  return `the deadline of ${path} is ${seconds(awayMs)} s away; the limit is ${seconds(limitMs)} s`;
}
