// Hand-made protobuf bytes for the bad-input matrix: the encoder below writes
// exactly what it is told, including what no protobuf library would write.
import { PROTOS_RULES } from '../../shared/wire-check.ts';
import { WIRE, type FieldRule } from '../../shared/wire-format.ts';

/** A varint of any unsigned value below 2^64 (given as a bigint for the big ones). */
export function varint(value: number | bigint): Buffer {
  let rest = BigInt(value);
  const bytes: number[] = [];
  while (rest > 0x7fn) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Buffer.from(bytes);
}

export const tag = (field: number, wireType: number) => varint(field * 8 + wireType);

/** A length-delimited field whose length prefix says `claimed` (normally content.length). */
export function lengthField(field: number, content: Buffer, claimed: number | bigint = content.length): Buffer {
  return Buffer.concat([tag(field, WIRE.length), varint(claimed), content]);
}

export const varintField = (field: number, value: number | bigint) => Buffer.concat([tag(field, WIRE.varint), varint(value)]);

/** A field number that no request message in protos/ uses. */
export const UNKNOWN_FIELD = 1_000;

/** The hostile requests that decode, by kind: a server's handler decides how to answer each. */
export type DecodableKind = 'empty' | 'unknownFields' | 'bigUnknownField' | 'hugeString' | 'biggestVarint';

/** One hostile request for a method. */
export interface HostileRequest {
  name: string;
  bytes: Buffer;
  /** Set for requests that decode (only those may be answered OK); undefined for malformed ones. */
  kind?: DecodableKind;
}

/** The first field of `typeName` (by number) that `pick` accepts, as [number, rule]. */
function firstField(typeName: string, pick: (rule: FieldRule) => boolean): [number, FieldRule] | undefined {
  const fields = Object.entries(PROTOS_RULES.messages[typeName] ?? {}).map(([number, rule]) => [Number(number), rule] as [number, FieldRule]);
  return fields.sort(([a], [b]) => a - b).find(([, rule]) => pick(rule));
}

/** A wire type that `rule`'s field cannot arrive with (repeated numbers may also come as length, packed). */
function wrongWireType(rule: FieldRule): number {
  return rule.wireType === WIRE.varint ? WIRE.fixed32 : WIRE.varint;
}

function withWireType(field: number, wireType: number): Buffer {
  const value = { [WIRE.varint]: varint(1), [WIRE.fixed64]: Buffer.alloc(8), [WIRE.length]: varint(0), [WIRE.fixed32]: Buffer.alloc(4) }[wireType];
  return Buffer.concat([tag(field, wireType), value ?? Buffer.alloc(0)]);
}

/**
 * Requests that break the wire format of `typeName` (".helloworld.HelloRequest")
 * in every way the matrix tries. None of them decodes: a server must refuse
 * each with a status and keep serving. `valid` is a well-formed request of the
 * type, which some of the variants cut or wrap.
 */
export function malformedRequests(typeName: string, valid: Buffer): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (name: string, bytes: Buffer) => requests.push({ name, bytes });
  const first = firstField(typeName, () => true);
  if (first) {
    const [field, rule] = first;
    add(`field ${field} with the wrong wire type`, withWireType(field, wrongWireType(rule)));
  }
  add('a varint of 11 bytes', Buffer.concat([tag(UNKNOWN_FIELD, WIRE.varint), Buffer.alloc(10, 0xff), Buffer.from([0x01])]));
  add('a length of 4 GiB in 7 bytes', lengthField(UNKNOWN_FIELD, Buffer.from('A'), 0xffffffffn));
  add('a length of -1 as a 10-byte varint', lengthField(UNKNOWN_FIELD, Buffer.from('A'), 0xffffffffffffffffn));
  add('a length one byte too long', lengthField(UNKNOWN_FIELD, Buffer.from('AB'), 3));
  if (valid.length > 0) add('a valid request without its last byte', valid.subarray(0, valid.length - 1));
  add('a tag cut off', Buffer.from([0x80]));
  add('field number 0', Buffer.from([0x00, 0x01]));
  add('wire type 7, which does not exist', Buffer.from([0x0f]));
  add('an end-group with no start', tag(UNKNOWN_FIELD, WIRE.endGroup));
  add('groups nested 200 deep', Buffer.concat([...Array(200).fill(tag(UNKNOWN_FIELD, WIRE.startGroup)), ...Array(200).fill(tag(UNKNOWN_FIELD, WIRE.endGroup))]));
  const text = firstField(typeName, (rule) => rule.utf8 === true);
  if (text) add(`field ${text[0]}: a string that is not UTF-8`, lengthField(text[0], Buffer.from([0xc3, 0x28])));
  const nested = firstField(typeName, (rule) => rule.message !== undefined);
  if (nested) {
    const inner = Buffer.concat([...Array(120).fill(tag(UNKNOWN_FIELD, WIRE.startGroup)), ...Array(120).fill(tag(UNKNOWN_FIELD, WIRE.endGroup))]);
    add(`field ${nested[0]}: a message with groups nested 120 deep inside`, lengthField(nested[0], inner));
    add(`field ${nested[0]}: a message that claims 4 GiB`, lengthField(nested[0], Buffer.from([0x08, 0x01]), 0xffffffffn));
  }
  const packed = firstField(typeName, (rule) => rule.packable === true);
  if (packed) add(`field ${packed[0]}: packed numbers cut off`, lengthField(packed[0], Buffer.from([0x01, 0x80])));
  return requests;
}

/** An unknown length-delimited field that takes exactly `size` bytes on the wire. */
function unknownFieldOfSize(size: number): Buffer {
  const overhead = tag(UNKNOWN_FIELD, WIRE.length).length + varint(size).length;
  return lengthField(UNKNOWN_FIELD, Buffer.alloc(size - overhead, 0x41));
}

/**
 * Requests of `typeName` that are well-formed but hostile: they decode, so
 * the server's handler gets them and must answer with a status of its own
 * choosing (OK included). `limit` is the server's receive limit in bytes.
 */
export function decodableRequests(typeName: string, limit: number): HostileRequest[] {
  const requests: HostileRequest[] = [
    { kind: 'empty', name: 'an empty message: every field at its default', bytes: Buffer.alloc(0) },
    { kind: 'unknownFields', name: 'only unknown fields', bytes: Buffer.concat([varintField(UNKNOWN_FIELD, 7), lengthField(UNKNOWN_FIELD + 1, Buffer.from('from the future'))]) },
    { kind: 'bigUnknownField', name: 'an unknown field that fills the 4 MiB limit', bytes: unknownFieldOfSize(limit) },
  ];
  const text = firstField(typeName, (rule) => rule.utf8 === true);
  if (text) {
    const overhead = tag(text[0], WIRE.length).length + varint(limit).length;
    requests.push({ kind: 'hugeString', name: `field ${text[0]}: a string that fills the 4 MiB limit`, bytes: lengthField(text[0], Buffer.alloc(limit - overhead, 0x78)) });
  }
  const number = firstField(typeName, (rule) => rule.wireType === WIRE.varint);
  if (number) {
    const [field, rule] = number;
    const biggest = 0xffffffffffffffffn;
    // Repeated numbers go packed, as every proto3 library writes them.
    const bytes = rule.packable ? lengthField(field, varint(biggest)) : varintField(field, biggest);
    requests.push({ kind: 'biggestVarint', name: `field ${field}: the biggest varint there is, 2^64 - 1`, bytes });
  }
  return requests;
}

/** A request one byte over the receive limit: refused before it is decoded. */
export function oversizedRequest(limit: number): HostileRequest {
  return { name: 'one byte over the 4 MiB limit', bytes: unknownFieldOfSize(limit + 1) };
}
