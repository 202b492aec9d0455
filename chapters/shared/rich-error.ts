// Rich errors. A status code and a message tell a person what went wrong; a
// program needs more, such as which fields of its request to fix. gRPC's
// answer is google.rpc.Status, serialized into the grpc-status-details-bin
// trailer: the same code and message, plus typed details packed in Any. The
// workbook uses one kind of detail, BadRequest, which lists every field
// violation at once (chapter 08).
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { google as anyTypes } from '../../generated/static/google/protobuf/any.ts';
import { google as detailTypes } from '../../generated/static/google/rpc/error_details.ts';
import { google as statusTypes } from '../../generated/static/google/rpc/status.ts';
import { RpcError } from './rpc-error.ts';
import { checkMessage, WireFormatError } from './wire-check.ts';

const { Any } = anyTypes.protobuf;
const { BadRequest } = detailTypes.rpc;
const { Status } = statusTypes.rpc;

/** The trailer that carries a serialized google.rpc.Status. */
export const STATUS_DETAILS_TRAILER = 'grpc-status-details-bin';
/** An Any says what it holds with a type URL: a prefix, then the message type's full name. */
export const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

export interface FieldViolation {
  /** The path to the field in the request: "lo.latitude", "metrics[2].value". */
  field: string;
  description: string;
}

/**
 * Details travel in a trailer, which must stay well below what an HTTP/2
 * connection accepts (about 64 KiB; see MAX_DETAILS_LENGTH in rpc-error.ts):
 * at most this many violations are sent, each cut to MAX_VIOLATION_TEXT.
 */
export const MAX_FIELD_VIOLATIONS = 50;
export const MAX_VIOLATION_TEXT = 200;

const cut = (text: string) => (text.length <= MAX_VIOLATION_TEXT ? text : `${text.slice(0, MAX_VIOLATION_TEXT - 1)}…`);

/**
 * INVALID_ARGUMENT with the violations attached as a google.rpc.BadRequest
 * (the first MAX_FIELD_VIOLATIONS of them). The message lists them too, for
 * clients that read only the text.
 */
export function badRequest(violations: readonly FieldViolation[], message = listViolations(violations)): RpcError {
  const fieldViolations = violations
    .slice(0, MAX_FIELD_VIOLATIONS)
    .map(({ field, description }) => new BadRequest.FieldViolation({ field: cut(field), description: cut(description) }));
  const richStatus = new Status({
    code: status.INVALID_ARGUMENT,
    message,
    details: [new Any({ type_url: BAD_REQUEST_TYPE_URL, value: new BadRequest({ field_violations: fieldViolations }).serialize() })],
  });
  const trailers = new Metadata();
  trailers.set(STATUS_DETAILS_TRAILER, Buffer.from(richStatus.serialize()));
  return new RpcError(status.INVALID_ARGUMENT, message, trailers);
}

function listViolations(violations: readonly FieldViolation[]): string {
  const listed = violations.slice(0, MAX_FIELD_VIOLATIONS).map(({ field, description }) => `${field}: ${description}`);
  const more = violations.length - listed.length;
  return listed.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/**
 * The google.rpc.Status that a failed call carried, or undefined if it
 * carried none. As the gRPC error model asks, details whose code disagrees
 * with the call's own status are ignored; so are details that are not a
 * well-formed Status (they come from the network: check before decoding).
 */
export function richStatusOf(error: ServiceError): statusTypes.rpc.Status | undefined {
  const [encoded] = error.metadata?.get(STATUS_DETAILS_TRAILER) ?? [];
  if (!Buffer.isBuffer(encoded) || !wellFormed(encoded, '.google.rpc.Status')) return undefined;
  const decoded = Status.deserialize(encoded);
  return decoded.code === error.code ? decoded : undefined;
}

/** The field violations in the BadRequest details of a failed call; [] if it had none. */
export function fieldViolationsOf(error: ServiceError): FieldViolation[] {
  return (richStatusOf(error)?.details ?? [])
    .filter((detail) => detail.type_url === BAD_REQUEST_TYPE_URL && wellFormed(detail.value, '.google.rpc.BadRequest'))
    .flatMap((detail) => BadRequest.deserialize(detail.value).field_violations)
    .map(({ field, description }) => ({ field, description }));
}

function wellFormed(bytes: Uint8Array, typeName: string): boolean {
  try {
    checkMessage(bytes, typeName);
    return true;
  } catch (error) {
    if (error instanceof WireFormatError) return false;
    throw error;
  }
}
