// Original file: protos/contact_service.proto


/**
 * Deliberately this file's own Empty, not google.protobuf.Empty: the wire
 * bytes are the same (none), but the type name is not.
 */
export interface Empty {
}

/**
 * Deliberately this file's own Empty, not google.protobuf.Empty: the wire
 * bytes are the same (none), but the type name is not.
 */
export interface Empty__Output {
}
