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
import { MalformedMessage, WireReader } from './wire-reader.ts';

/** Thrown for bytes that are not a well-formed message of the expected type. */
export class WireFormatError extends Error {}

/** Protobuf's own default: deeper messages are refused rather than risking the stack. */
export const MAX_DEPTH = 100;

/** The rules for everything in protos/, written by `npm run generate` (see wire-rules.ts). */
export const PROTOS_RULES: WireRules = { messages, requestTypes };

/**
 * Throws WireFormatError unless `bytes` are a well-formed message of type
 * `typeName` (".helloworld.HelloRequest"): every length within its
 * enclosing message, known fields with their own wire type, strings in UTF-8,
 * nested messages checked too, at most MAX_DEPTH deep. Unknown fields are
 * allowed (that is how old servers read new clients) but must be well-formed.
 */
export function checkMessage(bytes: Uint8Array, typeName: string, rules: WireRules = PROTOS_RULES): void {
  checkFields(new WireReader(bytes), typeName, rules, 0);
}

/** Checks the fields up to reader.limit, or up to the end of `group` if one is given. */
function checkFields(reader: WireReader, typeName: string | undefined, rules: WireRules, depth: number, group?: number): void {
  if (depth > MAX_DEPTH) throw new WireFormatError(`nested more than ${MAX_DEPTH} deep`);
  const fields = typeName === undefined ? undefined : rules.messages[typeName];
  if (typeName !== undefined && fields === undefined) throw new Error(`no wire rules for ${typeName}`);
  // The field being read, to name it if the reader finds its bytes malformed (0: its tag).
  let fieldNumber = 0;
  try {
    while (!reader.atEnd) {
      fieldNumber = 0;
      const tag = reader.tag();
      fieldNumber = tag >>> 3;
      const wireType = tag & 7;
      if (wireType === WIRE.endGroup) {
        if (group !== fieldNumber) throw new WireFormatError(`${nameOf(typeName, fieldNumber)}: an end-group with no matching start`);
        return;
      }
      const rule = fields?.[fieldNumber];
      if (rule && wireType !== rule.wireType && !(rule.packable && wireType === WIRE.length)) {
        throw new WireFormatError(`${nameOf(typeName, fieldNumber)}: sent with wire type ${wireType}, but its type is written with wire type ${rule.wireType}`);
      }
      if (wireType === WIRE.startGroup) checkFields(reader, undefined, rules, depth + 1, fieldNumber);
      else if (wireType !== WIRE.length) reader.skip(wireType);
      else {
        const end = reader.lengthDelimited();
        if (rule?.message) {
          const outer = reader.enter(end);
          checkFields(reader, rule.message, rules, depth + 1);
          reader.leave(outer);
        } else if (rule?.utf8 && !isUtf8(reader.bytes.subarray(reader.pos, end))) {
          throw new WireFormatError(`${nameOf(typeName, fieldNumber)}: a string that is not UTF-8`);
        } else if (rule?.packable) {
          checkPacked(reader, end, rule.wireType, nameOf(typeName, fieldNumber));
        }
        reader.pos = end;
      }
    }
  } catch (error) {
    // Errors from nested messages are WireFormatErrors already, named by their own type.
    if (error instanceof MalformedMessage) throw new WireFormatError(`${nameOf(typeName, fieldNumber)} at byte ${error.offset}: ${error.problem}`);
    throw error;
  }
  if (group !== undefined) throw new WireFormatError(`group ${group} has no end`);
}

/** How an error names where it is: ".AddRequest field 1", or ".AddRequest" while reading a tag. */
function nameOf(typeName: string | undefined, fieldNumber: number): string {
  const type = typeName ?? 'an unknown group';
  return fieldNumber === 0 ? type : `${type} field ${fieldNumber}`;
}

function checkPacked(reader: WireReader, end: number, wireType: number, where: string): void {
  const width = wireType === WIRE.fixed64 ? 8 : wireType === WIRE.fixed32 ? 4 : 0;
  if (width > 0 && (end - reader.pos) % width !== 0) throw new WireFormatError(`${where}: packed values cut off`);
  if (width > 0) return;
  const outer = reader.enter(end);
  while (!reader.atEnd) reader.skip(WIRE.varint);
  reader.leave(outer);
}

/**
 * What a checked request-streaming method's deserializer returns for bytes
 * that are not a message, instead of throwing. grpc-js answers a throw itself
 * (INTERNAL, "Error deserializing request"), and for a stream that is a trap:
 * if the handler has already sent replies, grpc-js 1.14 ends the HTTP/2
 * stream without ending the call, the handler's next reply is written after
 * that end, and the trailers that carry the status are never sent. The client
 * then waits for ever (chapter 08, "Streams that always end"). A
 * UndecodableMessage is answered by endStreamsOnUndecodableMessages instead.
 */
export class UndecodableMessage {
  constructor(readonly reason: string) {}
}

/**
 * A copy of `service` whose methods check each request's bytes against
 * protos/ before decoding them. For a method whose client sends one message,
 * bad bytes throw, and grpc-js answers INTERNAL ("Error deserializing
 * request") before the handler runs. For a method whose client streams, bad
 * bytes (or bytes the service's own decoder throws on) become a
 * UndecodableMessage, which endStreamsOnUndecodableMessages (a server interceptor:
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
          return new UndecodableMessage(error instanceof Error ? error.message : String(error));
        }
      };
      return [name, { ...method, requestDeserialize }];
    }),
  ) as Service;
}

/**
 * A server interceptor that ends a stream on its first UndecodableMessage with
 * INTERNAL "Error deserializing request: <why>", as grpc-js does for a
 * single message, and then drops whatever the handler still sends. The
 * handler never sees the bad message: its call is cancelled once the status
 * is out, which ends its `for await` loop.
 */
export const endStreamsOnUndecodableMessages: grpc.ServerInterceptor = (_method, call) => {
  let ended = false;
  return new grpc.ServerInterceptingCall(
    call,
    new grpc.ResponderBuilder()
      .withStart((next) =>
        next(
          new grpc.ServerListenerBuilder()
            .withOnReceiveMessage((message, nextMessage) => {
              if (ended) return;
              if (!(message instanceof UndecodableMessage)) return nextMessage(message);
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
