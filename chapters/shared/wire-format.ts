// The protobuf wire format's vocabulary, shared by wire-rules.ts (which reads
// .proto files at generate time) and wire-check.ts (which checks requests).

/** The wire types: how a field's value is laid out after its tag. */
export const WIRE = { varint: 0, fixed64: 1, length: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

/** What the check needs to know about a field. */
export interface FieldRule {
  /** The wire type the field's type is written with. */
  wireType: number;
  /** Repeated numbers may also arrive packed, as one length-delimited run. */
  packable?: boolean;
  /** string fields must hold valid UTF-8. */
  utf8?: boolean;
  /** The full name of the field's message type, to check inside it too. */
  message?: string;
}

/**
 * The rules for a set of .proto files: the fields of every message type, by
 * type name (".routeguide.Point") and field number, and the request type of
 * every method, by path ("/routeguide.RouteGuide/GetFeature").
 */
export interface WireRules {
  messages: Record<string, Record<number, FieldRule>>;
  requestTypes: Record<string, string>;
}
