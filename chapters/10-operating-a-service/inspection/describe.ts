// Turns the FileDescriptorProtos a reflection server sends back into .proto
// text, as `grpcurl describe` does. A FileDescriptorProto is the compiled form
// of a .proto file (itself a protobuf message, defined in
// google/protobuf/descriptor.proto); google-protobuf ships its classes.
import descriptorPb from 'google-protobuf/google/protobuf/descriptor_pb.js';

type FileDescriptorProto = descriptorPb.FileDescriptorProto;
type DescriptorProto = descriptorPb.DescriptorProto;
type EnumDescriptorProto = descriptorPb.EnumDescriptorProto;
type FieldDescriptorProto = descriptorPb.FieldDescriptorProto;
type MethodDescriptorProto = descriptorPb.MethodDescriptorProto;
type ServiceDescriptorProto = descriptorPb.ServiceDescriptorProto;

const { FieldDescriptorProto } = descriptorPb;
const REPEATED = FieldDescriptorProto.Label.LABEL_REPEATED;

/** Scalar type names by number, from the descriptor's own enum: 9 (TYPE_STRING) → "string". */
const SCALAR_NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(FieldDescriptorProto.Type)) {
  if (typeof number === 'number') SCALAR_NAMES.set(number, name.slice('TYPE_'.length).toLowerCase());
}

type Definition =
  | { kind: 'service'; service: ServiceDescriptorProto }
  | { kind: 'message'; message: DescriptorProto }
  | { kind: 'enum'; enumType: EnumDescriptorProto };

/** The services, messages and enums of some files, by full name ("routeguide.Feature"). */
export class Descriptors {
  readonly definitions = new Map<string, Definition>();

  constructor(files: readonly FileDescriptorProto[]) {
    for (const file of files) {
      const scope = file.getPackage() ?? '';
      for (const service of file.getServiceList()) this.definitions.set(join(scope, service.getName()), { kind: 'service', service });
      for (const enumType of file.getEnumTypeList()) this.definitions.set(join(scope, enumType.getName()), { kind: 'enum', enumType });
      this.#addMessages(scope, file.getMessageTypeList());
    }
  }

  #addMessages(scope: string, messages: DescriptorProto[]): void {
    for (const message of messages) {
      const name = join(scope, message.getName());
      this.definitions.set(name, { kind: 'message', message });
      for (const enumType of message.getEnumTypeList()) this.definitions.set(join(name, enumType.getName()), { kind: 'enum', enumType });
      this.#addMessages(name, message.getNestedTypeList());
    }
  }

  /**
   * The full name a type reference means. descriptor.proto allows both
   * ".routeguide.Point" (fully qualified) and "Point" (looked up from the
   * innermost scope outwards, as in C++); protoc writes the first,
   * @grpc/reflection sends fields in the second form.
   */
  resolve(typeName: string, scope: string): string {
    if (typeName.startsWith('.')) return typeName.slice(1);
    for (let outer = scope; ; outer = outer.slice(0, Math.max(outer.lastIndexOf('.'), 0))) {
      if (this.definitions.has(join(outer, typeName))) return join(outer, typeName);
      if (outer === '') return typeName; // not among these files: leave it as written
    }
  }

  /** `symbol` (a service, message or enum) as .proto text. */
  describe(symbol: string): string {
    const name = symbol.replace(/^\./, '');
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`${symbol} is not defined in the files the server sent`);
    const scope = name.slice(0, Math.max(name.lastIndexOf('.'), 0));
    if (definition.kind === 'service') return this.#service(definition.service, scope);
    if (definition.kind === 'enum') return enumText(definition.enumType, '');
    return this.#message(definition.message, name, '');
  }

  /** One method's line: "rpc ListFeatures (routeguide.Rectangle) returns (stream routeguide.Feature);". */
  methodText(method: MethodDescriptorProto, scope: string): string {
    const input = `${method.getClientStreaming() ? 'stream ' : ''}${this.resolve(method.getInputType() ?? '', scope)}`;
    const output = `${method.getServerStreaming() ? 'stream ' : ''}${this.resolve(method.getOutputType() ?? '', scope)}`;
    return `rpc ${method.getName()} (${input}) returns (${output});`;
  }

  #service(service: ServiceDescriptorProto, scope: string): string {
    const methods = service.getMethodList().map((method) => `  ${this.methodText(method, scope)}\n`);
    return `service ${service.getName()} {\n${methods.join('')}}`;
  }

  #message(message: DescriptorProto, name: string, indent: string): string {
    // A map<K, V> field is compiled to a repeated field of a nested "…Entry"
    // message marked map_entry: print the map, and hide the entry type.
    const isMapEntry = (nested: DescriptorProto) => nested.getOptions()?.getMapEntry() === true;
    const lines: string[] = message.getEnumTypeList().map((enumType) => enumText(enumType, `${indent}  `));
    for (const nested of message.getNestedTypeList()) {
      if (!isMapEntry(nested)) lines.push(this.#message(nested, join(name, nested.getName()), `${indent}  `));
    }
    const oneofNames = message.getOneofDeclList().map((oneof) => oneof.getName());
    let openOneof: number | undefined;
    for (const field of message.getFieldList()) {
      // proto3 `optional` is compiled to a oneof of one field; print it as written.
      const oneof = field.hasOneofIndex() && !field.getProto3Optional() ? field.getOneofIndex() : undefined;
      if (openOneof !== undefined && oneof !== openOneof) lines.push(`${indent}  }`);
      if (oneof !== undefined && oneof !== openOneof) lines.push(`${indent}  oneof ${oneofNames[oneof]} {`);
      openOneof = oneof;
      lines.push(`${indent}${oneof === undefined ? '  ' : '    '}${this.#field(field, name, isMapEntry)}`);
    }
    if (openOneof !== undefined) lines.push(`${indent}  }`);
    return `${indent}message ${message.getName()} {\n${lines.map((line) => `${line}\n`).join('')}${indent}}`;
  }

  #field(field: FieldDescriptorProto, scope: string, isMapEntry: (message: DescriptorProto) => boolean): string {
    const ending = `${field.getName()} = ${field.getNumber()};`;
    const type = this.#type(field, scope);
    const entry = this.definitions.get(type);
    if (field.getLabel() === REPEATED && entry?.kind === 'message' && isMapEntry(entry.message)) {
      const [key, value] = entry.message.getFieldList();
      return `map<${this.#type(key, type)}, ${this.#type(value, type)}> ${ending}`;
    }
    const label = field.getLabel() === REPEATED ? 'repeated ' : field.getProto3Optional() ? 'optional ' : '';
    return `${label}${type} ${ending}`;
  }

  #type(field: FieldDescriptorProto, scope: string): string {
    const typeName = field.getTypeName();
    return typeName ? this.resolve(typeName, scope) : (SCALAR_NAMES.get(field.getType() ?? 0) ?? 'unknown');
  }
}

function join(scope: string, name: string | undefined): string {
  return scope ? `${scope}.${name}` : (name ?? '');
}

function enumText(enumType: EnumDescriptorProto, indent: string): string {
  const values = enumType.getValueList().map((value) => `${indent}  ${value.getName()} = ${value.getNumber()};\n`);
  return `${indent}enum ${enumType.getName()} {\n${values.join('')}${indent}}`;
}
