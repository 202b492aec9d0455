// Every request's bytes are checked against its message type before a protobuf
// runtime decodes them. The two runtimes trust hostile bytes in different ways:
//   - google-protobuf 3.21 (the static stubs) trusts length prefixes: a string
//     or message field claiming 4 GiB, in a 7-byte request, keeps it busy for
//     minutes on the event loop, so one request stops a server answering anyone;
//   - protobuf.js (proto-loader) never hangs, but reads a field sent with the
//     wrong wire type, or a string cut short, as if nothing were wrong.
// The check gives both one strict definition of well-formed (chapter 08). A
// server asks for it where it registers a service: withWireChecks(definition).
// It knows the message types from generated/wire-rules, which `npm run
// generate` writes from protos/, so a server pays nothing to load them.
import { isUtf8 } from 'node:buffer';
import * as grpc from '@grpc/grpc-js';
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

/**
 * What a checked request-streaming method's deserializer returns for bytes
 * that are not a message, instead of throwing. grpc-js answers a throw itself
 * (INTERNAL, "Error deserializing request"), and for a stream that is a trap:
 * if the handler has already sent replies, grpc-js 1.14 ends the HTTP/2
 * stream without ending the call, the handler's next reply is written after
 * that end, and the trailers that carry the status are never sent. The client
 * then waits for ever (chapter 08, "Streams that always end"). A
 * MalformedMessage is answered by endStreamsOnMalformedMessages instead.
 */
export class MalformedMessage {
  constructor(readonly reason: string) {}
}

/**
 * A copy of `service` whose methods check each request's bytes against
 * protos/ before decoding them. For a method whose client sends one message,
 * bad bytes throw, and grpc-js answers INTERNAL ("Error deserializing
 * request") before the handler runs. For a method whose client streams, bad
 * bytes (or bytes the service's own decoder throws on) become a
 * MalformedMessage, which endStreamsOnMalformedMessages (a server interceptor:
 * pass it in the server's options) turns into the same status. Methods of
 * services that protos/ does not define (reflection, say) are decoded as
 * before, with only that throw caught.
 */
export function withWireChecks<Service extends grpc.ServiceDefinition>(service: Service, rules: WireRules = PROTOS_RULES): Service {
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => {
      const typeName = rules.requestTypes[method.path];
      const checked = (bytes: Buffer) => {
        if (typeName !== undefined) checkMessage(bytes, typeName, rules);
        return method.requestDeserialize(bytes);
      };
      if (!method.requestStream) return [name, typeName === undefined ? method : { ...method, requestDeserialize: checked }];
      const requestDeserialize = (bytes: Buffer) => {
        try {
          return checked(bytes);
        } catch (error) {
          return new MalformedMessage(error instanceof Error ? error.message : String(error));
        }
      };
      return [name, { ...method, requestDeserialize }];
    }),
  ) as Service;
}

/**
 * A server interceptor that ends a stream on its first MalformedMessage with
 * INTERNAL "Error deserializing request: <why>", as grpc-js does for a
 * single message, and then drops whatever the handler still sends. The
 * handler never sees the bad message: its call is cancelled once the status
 * is out, which ends its `for await` loop.
 */
export const endStreamsOnMalformedMessages: grpc.ServerInterceptor = (_method, call) => {
  let ended = false;
  return new grpc.ServerInterceptingCall(
    call,
    new grpc.ResponderBuilder()
      .withStart((next) =>
        next(
          new grpc.ServerListenerBuilder()
            .withOnReceiveMessage((message, nextMessage) => {
              if (ended) return;
              if (!(message instanceof MalformedMessage)) return nextMessage(message);
              ended = true;
              call.sendStatus({ code: grpc.status.INTERNAL, details: `Error deserializing request: ${message.reason}` });
            })
            .withOnReceiveHalfClose((nextHalfClose) => {
              if (!ended) nextHalfClose();
            })
            .build(),
        ),
      )
      .withSendMessage((message, nextMessage) => {
        if (!ended) nextMessage(message);
      })
      .withSendStatus((status, nextStatus) => {
        if (!ended) nextStatus(status);
      })
      .build(),
  );
};
