// Every request's bytes are checked against its message type before a protobuf
// runtime decodes them. The two runtimes trust hostile bytes in different ways:
//   - google-protobuf 3.21 (the static stubs) trusts length prefixes: a string
//     or message field claiming 4 GiB, in a 7-byte request, keeps it busy for
//     minutes on the event loop, so one request stops a server answering anyone;
//   - protobuf.js (proto-loader) never hangs, but reads a field sent with the
//     wrong wire type, or a string cut short, as if nothing were wrong.
// The check gives both one strict definition of well-formed (chapter 08), and
// startServer (server.ts) applies it to every service a workbook server adds.
// It knows the message types from generated/wire-rules, which `npm run
// generate` writes from protos/, so a server pays nothing to load them.
import { isUtf8 } from 'node:buffer';
import type * as grpc from '@grpc/grpc-js';
import { messages, requestTypes } from '../../generated/wire-rules/wire-rules.ts';
import { WIRE, type WireRules } from './wire-format.ts';

/** Thrown for bytes that are not a well-formed message of the expected type. */
export class WireFormatError extends Error {}

/** Protobuf's own default: deeper messages are refused rather than risking the stack. */
export const MAX_DEPTH = 100;

/** The rules for everything in protos/, written by `npm run generate` (see wire-rules.ts). */
export const PROTOS_RULES: WireRules = { messages, requestTypes };

class Cursor {
  constructor(readonly bytes: Uint8Array, public at: number, readonly end: number) {}

  /** A varint of at most `maxBytes` bytes that ends before `end`; returns its value (exact below 2^53). */
  varint(what: string, maxBytes = 10): number {
    let value = 0;
    for (let i = 0; i < maxBytes; i++) {
      if (this.at >= this.end) throw new WireFormatError(`${what}: the varint is cut off at byte ${this.at}`);
      const byte = this.bytes[this.at++];
      if (i === 9 && byte > 1) throw new WireFormatError(`${what}: the varint overflows 64 bits`);
      value += (byte & 0x7f) * 2 ** (7 * i);
      if (byte < 0x80) return value;
    }
    throw new WireFormatError(`${what}: a varint longer than ${maxBytes} bytes`);
  }

  skip(count: number, what: string): number {
    if (count > this.end - this.at) {
      throw new WireFormatError(`${what}: claims ${count} bytes at byte ${this.at}, but only ${this.end - this.at} are left`);
    }
    const start = this.at;
    this.at += count;
    return start;
  }
}

/**
 * Throws WireFormatError unless `bytes` are a well-formed message of type
 * `typeName` (".helloworld.HelloRequest"): every length within its
 * enclosing message, known fields with their own wire type, strings in UTF-8,
 * nested messages checked too, at most MAX_DEPTH deep. Unknown fields are
 * allowed (that is how old servers read new clients) but must be well-formed.
 */
export function checkMessage(bytes: Uint8Array, typeName: string, rules: WireRules = PROTOS_RULES): void {
  checkFields(new Cursor(bytes, 0, bytes.length), typeName, rules, 0);
}

function checkFields(cursor: Cursor, typeName: string | undefined, rules: WireRules, depth: number, group?: number): void {
  if (depth > MAX_DEPTH) throw new WireFormatError(`nested more than ${MAX_DEPTH} deep`);
  const fields = typeName === undefined ? undefined : rules.messages[typeName];
  if (typeName !== undefined && fields === undefined) throw new Error(`no wire rules for ${typeName}`);
  while (cursor.at < cursor.end) {
    const tag = cursor.varint('a field tag', 5);
    const fieldNumber = Math.floor(tag / 8);
    const wireType = tag % 8;
    const where = `${typeName ?? 'an unknown group'} field ${fieldNumber}`;
    if (fieldNumber === 0 || fieldNumber > 2 ** 29 - 1) throw new WireFormatError(`${where}: not a valid field number`);
    if (wireType === WIRE.endGroup) {
      if (group !== fieldNumber) throw new WireFormatError(`${where}: an end-group with no matching start`);
      return;
    }
    if (wireType > WIRE.fixed32) throw new WireFormatError(`${where}: wire type ${wireType} does not exist`);
    const rule = fields?.[fieldNumber];
    if (rule && wireType !== rule.wireType && !(rule.packable && wireType === WIRE.length)) {
      throw new WireFormatError(`${where}: sent with wire type ${wireType}, but its type is written with wire type ${rule.wireType}`);
    }
    switch (wireType) {
      case WIRE.varint:
        cursor.varint(where);
        break;
      case WIRE.fixed64:
        cursor.skip(8, where);
        break;
      case WIRE.fixed32:
        cursor.skip(4, where);
        break;
      case WIRE.length: {
        const length = cursor.varint(`${where} length`, 5);
        const start = cursor.skip(length, where);
        if (rule?.message) checkFields(new Cursor(cursor.bytes, start, cursor.at), rule.message, rules, depth + 1);
        else if (rule?.utf8 && !isUtf8(cursor.bytes.subarray(start, cursor.at))) throw new WireFormatError(`${where}: a string that is not UTF-8`);
        else if (rule?.packable) checkPacked(new Cursor(cursor.bytes, start, cursor.at), rule.wireType, where);
        break;
      }
      case WIRE.startGroup:
        checkFields(cursor, undefined, rules, depth + 1, fieldNumber);
        break;
    }
  }
  if (group !== undefined) throw new WireFormatError(`group ${group} has no end`);
}

function checkPacked(cursor: Cursor, wireType: number, where: string): void {
  const width = wireType === WIRE.fixed64 ? 8 : wireType === WIRE.fixed32 ? 4 : 0;
  if (width > 0 && (cursor.end - cursor.at) % width !== 0) throw new WireFormatError(`${where}: packed values cut off`);
  while (width === 0 && cursor.at < cursor.end) cursor.varint(where);
}

const OWN_DECODER = Symbol('checks its own bytes');

/**
 * Marks a hand-written requestDeserialize that checks every byte itself (and
 * refuses bad ones with a status of its own choosing, as chapters 06 and 07 do):
 * withWireChecks leaves methods that use it alone.
 */
export function checksItsOwnBytes<F extends (bytes: Buffer) => unknown>(deserialize: F): F {
  return Object.assign(deserialize, { [OWN_DECODER]: true });
}

/**
 * A copy of `service` whose methods check each request's bytes before
 * decoding them. A failed check makes grpc-js answer INTERNAL ("Error
 * deserializing request"), as it does for any request it cannot decode.
 * Methods of services that protos/ does not define, and methods whose decoder
 * checks its own bytes (checksItsOwnBytes), are left as they are.
 */
export function withWireChecks(service: grpc.ServiceDefinition, rules: WireRules = PROTOS_RULES): grpc.ServiceDefinition {
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => {
      const typeName = rules.requestTypes[method.path];
      if (typeName === undefined || OWN_DECODER in method.requestDeserialize) return [name, method];
      const requestDeserialize = (bytes: Buffer) => {
        checkMessage(bytes, typeName, rules);
        return method.requestDeserialize(bytes);
      };
      return [name, { ...method, requestDeserialize }];
    }),
  );
}

/** Makes every service added to `server` check its requests (see withWireChecks). */
export function checkRequestsOn(server: grpc.Server, rules?: WireRules): grpc.Server {
  const addService = server.addService.bind(server);
  server.addService = (service, implementation) => addService(withWireChecks(service, rules), implementation);
  return server;
}
