// The TypeScript side of a pairing: a proto-loader client makes a scenario's
// calls one after another, each with a deadline, and records what came back
// in the shape the Python and Go clients print.
import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { deadlineIn, isServiceError } from '../../shared/client.ts';
import type { CallRecord } from './call-records.ts';

/**
 * Every interop call carries this deadline, in all three languages. It is
 * longer than the workbook's usual two seconds because the first call of a
 * client process also connects to a server that may have just started, on a
 * machine that may be busy compiling: a deadline is there to stop a hung
 * call, not to time a fast one.
 */
export const INTEROP_DEADLINE_MS = 5_000;

/** What a call should end with: a reply, or a status with its details. */
export type Outcome<Reply> = { reply: Reply } | { code: grpc.status; details: string };

/** One call of a scenario, and the record every client must print for it. */
export interface ScenarioCall {
  readonly expected: CallRecord;
  send(client: grpc.Client): Promise<CallRecord>;
}

/** `request` sent to `method`, expected to end with `outcome`. The types tie all three together. */
export function scenarioCall<Request, Response, RequestOutput, Reply>(
  method: MethodDefinition<Request, Response, RequestOutput, Reply>,
  request: NoInfer<Request>,
  outcome: Outcome<NoInfer<Reply>>,
): ScenarioCall {
  const { path } = method;
  return {
    expected: 'reply' in outcome ? { method: path, reply: outcome.reply as object } : { method: path, ...outcome },
    send: (client) =>
      new Promise((resolve, reject) => {
        // The generic form of what generated clients do: path, (de)serializers, request.
        client.makeUnaryRequest(path, method.requestSerialize, method.responseDeserialize, request, { deadline: deadlineIn(INTEROP_DEADLINE_MS) }, (error, reply) => {
          if (error) {
            if (isServiceError(error)) resolve({ method: path, code: error.code, details: error.details });
            else reject(error);
          } else {
            // Through JSON, as the Python and Go records travel, so both are plain data.
            resolve({ method: path, reply: JSON.parse(JSON.stringify(reply)) as object });
          }
        });
      }),
  };
}

/** Makes every call of `scenario` against `address`, in order, and returns what came back. */
export async function runScenario(address: string, scenario: readonly ScenarioCall[]): Promise<CallRecord[]> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  try {
    const records: CallRecord[] = [];
    for (const call of scenario) records.push(await call.send(client));
    return records;
  } finally {
    client.close();
  }
}
