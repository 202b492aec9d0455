// Builds the rules that wire-check.ts checks requests against, from .proto
// files. `npm run generate` runs this once and writes the result to
// generated/wire-rules, so servers never load proto-loader just to check bytes.
import * as protoLoader from '@grpc/proto-loader';
import descriptors from 'google-protobuf/google/protobuf/descriptor_pb.js';
import { LOADER_OPTIONS, PROTOS_DIR } from './proto-loader.ts';
import { WIRE, type FieldRule, type WireRules } from './wire-format.ts';

const { FieldDescriptorProto, FileDescriptorProto } = descriptors;
const { Type, Label } = FieldDescriptorProto;
const FIXED64_TYPES = new Set([Type.TYPE_DOUBLE, Type.TYPE_FIXED64, Type.TYPE_SFIXED64]);
const FIXED32_TYPES = new Set([Type.TYPE_FLOAT, Type.TYPE_FIXED32, Type.TYPE_SFIXED32]);
const LENGTH_TYPES = new Set([Type.TYPE_STRING, Type.TYPE_BYTES, Type.TYPE_MESSAGE]);

/** A field whose type is a message, named as the .proto file names it, to resolve once every file is read. */
interface Reference {
  rule: FieldRule;
  scope: string;
  typeName: string;
}

/** The rules for `files` (paths below `includeDirs`) and every file they import. */
export function rulesFor(files: string[], includeDirs: string[] = [PROTOS_DIR]): WireRules {
  const definition = protoLoader.loadSync(files, { ...LOADER_OPTIONS, includeDirs });
  const encodedFiles = new Set(Object.values(definition).flatMap(fileDescriptorsOf));
  const rules: WireRules = { messages: {}, requestTypes: {} };
  const references: Reference[] = [];
  for (const encoded of encodedFiles) {
    const file = FileDescriptorProto.deserializeBinary(encoded);
    const scope = file.getPackage() ? `.${file.getPackage()}` : '';
    for (const message of file.getMessageTypeList()) addMessage(rules, scope, message, references);
    for (const service of file.getServiceList()) {
      const serviceName = `${scope}.${service.getName()}`;
      for (const method of service.getMethodList()) {
        const path = `/${serviceName.slice(1)}/${method.getName()}`;
        rules.requestTypes[path] = resolve(rules, { scope: serviceName, typeName: method.getInputType() ?? '' });
      }
    }
  }
  // A field may name a message type from a file read later, so names are resolved last.
  for (const reference of references) reference.rule.message = resolve(rules, reference);
  return rules;
}

/** The encoded FileDescriptorProtos behind a definition: its own file and the files it imports. */
function fileDescriptorsOf(definition: protoLoader.AnyDefinition): Buffer[] {
  if (isTypeDefinition(definition)) return definition.fileDescriptorProtos;
  return Object.values(definition).flatMap((method) => method.requestType.fileDescriptorProtos);
}

function isTypeDefinition(
  definition: protoLoader.AnyDefinition,
): definition is protoLoader.MessageTypeDefinition<object, object> | protoLoader.EnumTypeDefinition {
  return typeof definition.format === 'string';
}

function addMessage(rules: WireRules, scope: string, message: descriptors.DescriptorProto, references: Reference[]): void {
  const name = `${scope}.${message.getName()}`;
  const fields: Record<number, FieldRule> = {};
  for (const field of message.getFieldList()) {
    const rule = ruleFor(field);
    fields[field.getNumber() ?? 0] = rule;
    if (field.getType() === Type.TYPE_MESSAGE) references.push({ rule, scope: name, typeName: field.getTypeName() ?? '' });
  }
  rules.messages[name] = fields;
  for (const nested of message.getNestedTypeList()) addMessage(rules, name, nested, references); // map entries are nested types
}

function ruleFor(field: descriptors.FieldDescriptorProto): FieldRule {
  const type = field.getType();
  if (type === undefined || type === Type.TYPE_GROUP) throw new Error(`${field.getName()}: groups are not supported`);
  const wireType = FIXED64_TYPES.has(type) ? WIRE.fixed64 : FIXED32_TYPES.has(type) ? WIRE.fixed32 : LENGTH_TYPES.has(type) ? WIRE.length : WIRE.varint;
  return {
    wireType,
    ...(field.getLabel() === Label.LABEL_REPEATED && wireType !== WIRE.length && { packable: true }),
    ...(type === Type.TYPE_STRING && { utf8: true }),
  };
}

/**
 * protobuf's scoping rule: "Point", used inside .routeguide.Rectangle, is the
 * first of .routeguide.Rectangle.Point, .routeguide.Point and .Point that exists.
 */
function resolve(rules: WireRules, { scope, typeName }: Omit<Reference, 'rule'>): string {
  if (typeName.startsWith('.')) return typeName;
  for (let outer = scope; ; outer = outer.slice(0, outer.lastIndexOf('.'))) {
    const candidate = `${outer}.${typeName}`;
    if (candidate in rules.messages || outer === '') return candidate;
  }
}
