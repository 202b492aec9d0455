import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, status } from '@grpc/grpc-js';
import { AddRequest, CalClient, MultiplyRequest } from '../../generated/static/calculator.ts';
import { compute } from '../../generated/static/compute.ts';
import { google } from '../../generated/static/google/protobuf/empty.ts';
import { MyServiceClient, UserReq } from '../../generated/static/users.ts';
import { callUnary } from '../shared/client.ts';
import { startServer, type RunningServer } from '../shared/server.ts';
import { runScript, startServerScript } from '../shared/testing.ts';
import { addChapter03Services } from './services.ts';

let server: RunningServer;
let cal: CalClient;
let computeClient: compute.ComputeClient;
let users: MyServiceClient;

before(async () => {
  server = await startServer(addChapter03Services);
  cal = new CalClient(server.address, credentials.createInsecure());
  computeClient = new compute.ComputeClient(server.address, credentials.createInsecure());
  users = new MyServiceClient(server.address, credentials.createInsecure());
});
after(async () => {
  for (const client of [cal, computeClient, users]) client.close();
  await server.stop();
});

const add = async (number1: number, number2: number) =>
  (await callUnary(cal.Add, new AddRequest({ number1, number2 }))).number;
const multiply = async (number1: number, number2: number) =>
  (await callUnary(cal.Multiply, new MultiplyRequest({ number1, number2 }))).number;

describe('Cal', () => {
  test('adds and multiplies up to the edges of int32', async () => {
    assert.equal(await add(3, 4), 7);
    assert.equal(await add(-5, 5), 0);
    assert.equal(await add(2147483647, 0), 2147483647);
    assert.equal(await add(-2147483647, -1), -2147483648);
    assert.equal(await multiply(6, 7), 42);
    assert.equal(await multiply(46340, 46340), 2147395600);
    assert.equal(await multiply(-2147483648, 1), -2147483648);
    assert.equal(await multiply(-65536, 32768), -2147483648);
  });

  test('a sum outside int32 is OUT_OF_RANGE naming the operands', async () => {
    await assert.rejects(add(2147483647, 1), {
      code: status.OUT_OF_RANGE,
      details: '2147483647 + 1 = 2147483648 does not fit in int32 (-2147483648 to 2147483647)',
    });
    await assert.rejects(add(-2147483648, -1), {
      code: status.OUT_OF_RANGE,
      details: '-2147483648 + -1 = -2147483649 does not fit in int32 (-2147483648 to 2147483647)',
    });
  });

  test('a product outside int32 is OUT_OF_RANGE, even far beyond 2^53', async () => {
    await assert.rejects(multiply(46341, 46341), {
      code: status.OUT_OF_RANGE,
      details: '46341 × 46341 = 2147488281 does not fit in int32 (-2147483648 to 2147483647)',
    });
    await assert.rejects(multiply(-2147483648, -1), { code: status.OUT_OF_RANGE });
    await assert.rejects(multiply(-2147483648, -2147483648), {
      code: status.OUT_OF_RANGE,
      details: '-2147483648 × -2147483648 = 4611686018427387904 does not fit in int32 (-2147483648 to 2147483647)',
    });
  });
});

describe('compute.Compute', () => {
  test('answers the length in code points, as a decimal string', async () => {
    const lengths: Record<string, string> = { '123456': '6', '': '0', 'héllo wörld': '11', '😀': '1', '👍🏽': '2' };
    for (const [text, expected] of Object.entries(lengths)) {
      const reply = await callUnary(computeClient.SayHello, new compute.HelloRequest({ helloworld: text }));
      assert.equal(reply.result, expected, JSON.stringify(text));
    }
  });
});

describe('MyService', () => {
  const lookUp = async (userIDs: number[]) => callUnary(users.User, new UserReq({ userIDs }));

  test('Health answers an empty message', async () => {
    const reply = await callUnary(users.Health, new google.protobuf.Empty());
    assert.equal(reply.serialize().length, 0);
  });

  test('User answers data[i] for userIDs[i], duplicates included', async () => {
    const reply = await lookUp([3, 1, 3]);
    assert.equal(reply.message, 'success');
    assert.deepEqual(
      reply.data.map((user) => user.toObject()),
      [
        { name: 'Carmen Ruiz', age: 45, email: 'carmen@example.org' },
        { name: 'Amara Okafor', age: 34, email: 'amara@example.com' },
        { name: 'Carmen Ruiz', age: 45, email: 'carmen@example.org' },
      ],
    );
  });

  test('no ids is an empty answer, not an error', async () => {
    const reply = await lookUp([]);
    assert.equal(reply.message, 'success');
    assert.equal(reply.data.length, 0);
  });

  test('unknown ids fail the whole call with NOT_FOUND naming each once', async () => {
    await assert.rejects(lookUp([2, 7, 9, 7]), { code: status.NOT_FOUND, details: 'no users with ids 7, 9' });
  });

  test('ids that cannot exist, or too many of them, are INVALID_ARGUMENT', async () => {
    await assert.rejects(lookUp([1, 0, -3]), { code: status.INVALID_ARGUMENT, details: 'user ids are positive; got 0, -3' });
    await assert.rejects(lookUp(Array.from({ length: 101 }, () => 1)), {
      code: status.INVALID_ARGUMENT,
      details: 'at most 100 user ids per call, got 101',
    });
    assert.equal((await lookUp(Array.from({ length: 100 }, () => 1))).data.length, 100);
  });
});

test('split run: the client half calls every method and exits 0; Ctrl-C stops the server', async () => {
  const serverProcess = await startServerScript('chapters/03-calculator-and-users/server.ts');
  const client = await runScript('chapters/03-calculator-and-users/client.ts', ['--addr', serverProcess.address]);
  const stopped = await serverProcess.interrupt();
  assert.equal(client.code, 0, client.stderr);
  assert.match(client.stdout, /← \{"number":42\}/);
  assert.match(client.stdout, /← \{"result":"1"\}/);
  assert.match(client.stdout, /8 calls answered, 4 refused as intended \(OUT_OF_RANGE, OUT_OF_RANGE, NOT_FOUND, INVALID_ARGUMENT\)/);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout, /stopped\n$/);
});
