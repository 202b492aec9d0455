// The bad-input matrix: every method of every server the workbook runs, sent
// hostile bytes, must answer each with a well-formed status and go on serving.
// A server is described by a table (servers/servers-*.ts); casesFor() turns the table
// into cases, and tests/matrix.test.ts runs them.
import { status, type Metadata, type MethodDefinition } from '@grpc/grpc-js';
import { PROTOS_RULES } from '../../shared/wire-check.ts';
import { decodableRequests, malformedRequests, oversizedRequest, type DecodableKind } from './hostile-bytes.ts';
import { framePrefix } from './raw-calls.ts';

/** grpc-js's default receive limit, which every server in the matrix keeps. */
export const RECEIVE_LIMIT = 4 * 1024 * 1024;

export type Method = Pick<MethodDefinition<unknown, unknown>, 'path' | 'requestStream' | 'responseStream'>;
/** One status code, or the set a server may choose from. */
export type Expected = status | readonly status[];

export interface MethodRow {
  /** From the service definition: its path and call shape. */
  method: Method;
  /** A well-formed request (some malformed cases are cut from it). */
  valid: Buffer;
  /** How the handler answers each kind of request that decodes, when the kind applies to this type. */
  answers: Partial<Record<DecodableKind, Expected>>;
  /** For a method the client streams to: the answer to a stream of no messages at all. */
  noMessages?: Expected;
  /**
   * For a method the client streams to: the answer to `valid` followed by a
   * malformed message. INTERNAL, unless the handler has answered the first one
   * before the second arrives.
   */
  validThenMalformed?: Expected;
  /** How the server answers bytes that do not decode; INTERNAL, unless the handler refuses before it reads. */
  malformed?: Expected;
  /** Hand-made values that are hostile to this method in particular. */
  extra?: { name: string; bytes: Buffer; expect: Expected }[];
  /** The deadline of each call, for a method whose answer to a good request is a stream that stays open. */
  deadlineMs?: number;
}

export interface MatrixServer {
  /** "02 Greeter (static stubs)". */
  name: string;
  /** Starts the server as its chapter's tour and tests do. */
  start(): Promise<{ address: string; stop(): Promise<void> }>;
  /** Headers every call needs (a client id, say). */
  metadata?: () => Metadata;
  rows: MethodRow[];
  /**
   * A well-formed call that must be answered OK, with the same reply, before
   * and after every hostile one: `reply` when given, else what the first
   * answer was (for a server whose answer is not worth writing down, such as
   * scores from a model).
   */
  followUp: { method: Method; request: Buffer; reply?: Buffer };
}

/** One request sent as gRPC messages through a generic client. */
export interface MessageCase {
  via: 'client';
  method: Method;
  name: string;
  requests: Buffer[];
  expect: readonly status[];
  /** Only a request that decodes may be answered OK. */
  mayBeOk: boolean;
  deadlineMs?: number;
}

/** One HTTP/2 request whose body (gRPC framing included) is written by hand. */
export interface FrameCase {
  via: 'http2';
  method: Method;
  name: string;
  body: Buffer;
  headers?: Record<string, string>;
  /** The HTTP status and the gRPC status expected. */
  httpStatus: number;
  expect: readonly status[] | undefined;
}

export type MatrixCase = MessageCase | FrameCase;

const asSet = (expected: Expected): readonly status[] => (typeof expected === 'number' ? [expected] : expected);

function messageCases(row: MethodRow): MessageCase[] {
  const typeName = PROTOS_RULES.requestTypes[row.method.path];
  if (typeName === undefined) throw new Error(`${row.method.path} is not in protos/`);
  const base = { via: 'client', method: row.method, deadlineMs: row.deadlineMs } as const;
  const malformed = asSet(row.malformed ?? status.INTERNAL);
  const cases: MessageCase[] = malformedRequests(typeName, row.valid).map(({ name, bytes }) => ({ ...base, name, requests: [bytes], expect: malformed, mayBeOk: false }));
  cases.push({ ...base, name: oversizedRequest(RECEIVE_LIMIT).name, requests: [oversizedRequest(RECEIVE_LIMIT).bytes], expect: [status.RESOURCE_EXHAUSTED], mayBeOk: false });
  for (const { kind, name, bytes } of decodableRequests(typeName, RECEIVE_LIMIT)) {
    const expected = kind && row.answers[kind];
    if (expected === undefined) throw new Error(`${row.method.path}: the table does not say how "${name}" is answered`);
    cases.push({ ...base, name, requests: [bytes], expect: asSet(expected), mayBeOk: true });
  }
  for (const { name, bytes, expect } of row.extra ?? []) cases.push({ ...base, name, requests: [bytes], expect: asSet(expect), mayBeOk: true });
  if (row.method.requestStream) {
    if (row.noMessages === undefined) throw new Error(`${row.method.path}: the table does not say how a stream of no messages is answered`);
    cases.push({ ...base, name: 'a stream of no messages at all', requests: [], expect: asSet(row.noMessages), mayBeOk: true });
    const expect = row.validThenMalformed === undefined ? malformed : asSet(row.validThenMalformed);
    cases.push({ ...base, name: 'a valid message, then a malformed one', requests: [row.valid, Buffer.from([0x0f])], expect, mayBeOk: false });
  }
  return cases;
}

/**
 * gRPC framing broken by hand: what grpc-js itself answers, before any
 * handler runs (except where the frame that is lost leaves a stream of no
 * messages, which a streaming handler may accept).
 */
function frameCases(row: MethodRow): FrameCase[] {
  const base = { via: 'http2', method: row.method, httpStatus: 200 } as const;
  const whole = Buffer.concat([framePrefix(row.valid.length), row.valid]);
  // grpc-js answers a unary or server-streaming call that ends with no message
  // "UNIMPLEMENTED: Received no request message for server streaming method"
  // (unary calls included); a client-streaming handler just sees no messages.
  const endsEmpty = row.method.requestStream ? asSet(row.noMessages ?? status.OK) : [status.UNIMPLEMENTED];
  return [
    { ...base, name: 'a frame that claims 100 bytes and brings 10', body: Buffer.concat([framePrefix(100), Buffer.alloc(10, 0x41)]), expect: endsEmpty },
    { ...base, name: 'three of the five bytes of a frame prefix', body: framePrefix(7).subarray(0, 3), expect: endsEmpty },
    { ...base, name: 'a frame that claims 4 GiB', body: Buffer.concat([framePrefix(0xffffffff), Buffer.alloc(10)]), expect: [status.RESOURCE_EXHAUSTED] },
    {
      ...base,
      name: 'a compressed frame in an encoding the server does not know',
      body: Buffer.concat([framePrefix(row.valid.length, true), row.valid]),
      headers: { 'grpc-encoding': 'br' },
      expect: [status.UNIMPLEMENTED],
    },
    {
      ...base,
      name: 'a "gzip" frame that is not gzip',
      body: Buffer.concat([framePrefix(row.valid.length, true), row.valid]),
      headers: { 'grpc-encoding': 'gzip' },
      expect: [status.INTERNAL],
    },
    { ...base, name: 'a grpc-timeout header that is not a timeout', body: whole, headers: { 'grpc-timeout': 'soon' }, expect: [status.INTERNAL] },
    ...(row.method.requestStream ? [] : [{ ...base, name: 'two messages where one is allowed', body: Buffer.concat([whole, whole]), expect: [status.UNIMPLEMENTED] }]),
    // The gRPC spec asks for HTTP 415 here, with no gRPC status: this is not gRPC.
    { ...base, name: 'a body that is not gRPC at all (text/plain)', body: Buffer.from('hello?'), headers: { 'content-type': 'text/plain' }, httpStatus: 415, expect: undefined },
  ];
}

export function casesFor(server: MatrixServer): MatrixCase[] {
  return server.rows.flatMap((row) => [...messageCases(row), ...frameCases(row)]);
}
