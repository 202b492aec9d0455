// The calls this chapter makes, shared by the tour (index.ts) and the client
// half (client.ts): every method of the three services, and their refusals.
import { credentials } from '@grpc/grpc-js';
import { AddRequest, CalClient, MultiplyRequest, UnimplementedCalService } from '../../generated/static/calculator.ts';
import { compute } from '../../generated/static/compute.ts';
import { google } from '../../generated/static/google/protobuf/empty.ts';
import { MyServiceClient, UnimplementedMyServiceService, UserReq } from '../../generated/static/users.ts';
import { callUnary, isServiceError } from '../shared/client.ts';
import type { Transcript } from '../shared/transcript.ts';

const cal = UnimplementedCalService.definition;
const computePaths = compute.UnimplementedComputeService.definition;
const users = UnimplementedMyServiceService.definition;

export interface WalkthroughResult {
  answered: number;
  /** Status names of the calls that were refused, in order. */
  refused: string[];
}

export async function walkThrough(address: string, t: Transcript): Promise<WalkthroughResult> {
  const insecure = credentials.createInsecure();
  const calClient = new CalClient(address, insecure);
  const computeClient = new compute.ComputeClient(address, insecure);
  const userClient = new MyServiceClient(address, insecure);
  const result: WalkthroughResult = { answered: 0, refused: [] };

  // Sends one call, narrates it, and records whether it was answered or refused.
  async function call<Request extends { toObject(): object }, Reply extends { toObject(): object }>(
    path: string,
    request: Request,
    send: (request: Request) => Promise<Reply>,
  ): Promise<void> {
    t.sent(path, request.toObject());
    try {
      t.received((await send(request)).toObject());
      result.answered++;
    } catch (error) {
      if (!isServiceError(error)) throw error;
      result.refused.push(t.failed(error));
    }
  }

  try {
    t.step('Cal: int32 arithmetic');
    await call(cal.Add.path, new AddRequest({ number1: 3, number2: 4 }), (r) => callUnary(calClient.Add, r));
    await call(cal.Multiply.path, new MultiplyRequest({ number1: 6, number2: 7 }), (r) => callUnary(calClient.Multiply, r));
    await call(cal.Add.path, new AddRequest({ number1: -5, number2: 5 }), (r) => callUnary(calClient.Add, r));
    t.note('A reply of 0 is zero bytes on the wire (0 is the default); toObject() fills it back in.');

    t.step('Cal: results that do not fit in int32 are refused, not wrapped');
    await call(cal.Add.path, new AddRequest({ number1: 2147483647, number2: 1 }), (r) => callUnary(calClient.Add, r));
    await call(cal.Multiply.path, new MultiplyRequest({ number1: 65536, number2: 65536 }), (r) => callUnary(calClient.Multiply, r));

    t.step('Compute: the length of a string, counted as Python counts it');
    for (const text of ['123456', 'héllo wörld', '😀']) {
      await call(computePaths.SayHello.path, new compute.HelloRequest({ helloworld: text }), (r) =>
        callUnary(computeClient.SayHello, r),
      );
    }
    t.note('"😀".length is 2 in JavaScript (UTF-16 units); Python\'s len() and this server say 1.');

    t.step('MyService: a liveness probe and a batch lookup');
    await call(users.Health.path, new google.protobuf.Empty(), (r) => callUnary(userClient.Health, r));
    await call(users.User.path, new UserReq({ userIDs: [1, 2] }), (r) => callUnary(userClient.User, r));
    await call(users.User.path, new UserReq({ userIDs: [2, 7, 9] }), (r) => callUnary(userClient.User, r));
    await call(users.User.path, new UserReq({ userIDs: [0, -3] }), (r) => callUnary(userClient.User, r));
    return result;
  } finally {
    calClient.close();
    computeClient.close();
    userClient.close();
  }
}
