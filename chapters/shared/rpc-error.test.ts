import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { MAX_DETAILS_LENGTH, RpcError } from './rpc-error.ts';

test('a message up to MAX_DETAILS_LENGTH goes as it is', () => {
  const message = 'x'.repeat(MAX_DETAILS_LENGTH);
  assert.equal(new RpcError(status.INVALID_ARGUMENT, message).details, message);
});

test('a longer message is cut, saying how much was left out', () => {
  const error = new RpcError(status.INVALID_ARGUMENT, `got "${'x'.repeat(100_000)}"`);
  assert.equal(error.details, `got "${'x'.repeat(MAX_DETAILS_LENGTH - 5)}… (${100_006 - MAX_DETAILS_LENGTH} more characters)`);
  assert.equal(error.message, error.details);
});

test('the cut never splits a character that takes two UTF-16 units', () => {
  const error = new RpcError(status.INVALID_ARGUMENT, `${'x'.repeat(MAX_DETAILS_LENGTH - 1)}😀${'y'.repeat(10)}`);
  assert.equal(error.details, `${'x'.repeat(MAX_DETAILS_LENGTH - 1)}… (12 more characters)`);
});
