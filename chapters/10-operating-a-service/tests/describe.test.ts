// The parts of .proto that protos/ does not use yet (nested types, enums,
// oneofs, proto3 optional, maps, relative type names), on a hand-built file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import descriptorPb from 'google-protobuf/google/protobuf/descriptor_pb.js';
import { Descriptors } from '../inspection/describe.ts';

const { DescriptorProto, EnumDescriptorProto, EnumValueDescriptorProto, FieldDescriptorProto, FileDescriptorProto, MessageOptions, MethodDescriptorProto, OneofDescriptorProto, ServiceDescriptorProto } =
  descriptorPb;
const { Label, Type } = FieldDescriptorProto;

function field(name: string, number: number, type: descriptorPb.FieldDescriptorProto.Type, typeName?: string) {
  const built = new FieldDescriptorProto().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL);
  return typeName ? built.setTypeName(typeName) : built;
}

// package demo;
// message Outer {
//   message Inner { int32 n = 1; }
//   enum Color { RED = 0; GREEN = 1; }
//   oneof choice { string text = 1; Inner inner = 2; }
//   optional int64 count = 3;
//   repeated Color colors = 4;
//   map<string, Inner> by_name = 5;
// }
// service Studio { rpc Chat (stream Outer) returns (stream Outer.Inner); }
const outer = new DescriptorProto()
  .setName('Outer')
  .setNestedTypeList([
    new DescriptorProto().setName('Inner').setFieldList([field('n', 1, Type.TYPE_INT32)]),
    new DescriptorProto()
      .setName('ByNameEntry')
      .setOptions(new MessageOptions().setMapEntry(true))
      .setFieldList([field('key', 1, Type.TYPE_STRING), field('value', 2, Type.TYPE_MESSAGE, 'Inner')]),
  ])
  .setEnumTypeList([
    new EnumDescriptorProto()
      .setName('Color')
      .setValueList([new EnumValueDescriptorProto().setName('RED').setNumber(0), new EnumValueDescriptorProto().setName('GREEN').setNumber(1)]),
  ])
  .setOneofDeclList([new OneofDescriptorProto().setName('choice'), new OneofDescriptorProto().setName('_count')])
  .setFieldList([
    field('text', 1, Type.TYPE_STRING).setOneofIndex(0),
    field('inner', 2, Type.TYPE_MESSAGE, 'Inner').setOneofIndex(0),
    field('count', 3, Type.TYPE_INT64).setOneofIndex(1).setProto3Optional(true),
    field('colors', 4, Type.TYPE_ENUM, '.demo.Outer.Color').setLabel(Label.LABEL_REPEATED),
    field('by_name', 5, Type.TYPE_MESSAGE, 'Outer.ByNameEntry').setLabel(Label.LABEL_REPEATED),
  ]);
const file = new FileDescriptorProto()
  .setName('demo.proto')
  .setPackage('demo')
  .setMessageTypeList([outer])
  .setServiceList([
    new ServiceDescriptorProto()
      .setName('Studio')
      .setMethodList([new MethodDescriptorProto().setName('Chat').setInputType('Outer').setOutputType('.demo.Outer.Inner').setClientStreaming(true).setServerStreaming(true)]),
  ]);
// Through the wire format and back, as a reflection client receives it.
const descriptors = new Descriptors([FileDescriptorProto.deserializeBinary(file.serializeBinary())]);

test('a message with nested types, an enum, a oneof, proto3 optional, a repeated enum and a map', () => {
  assert.equal(
    descriptors.describe('demo.Outer'),
    `message Outer {
  enum Color {
    RED = 0;
    GREEN = 1;
  }
  message Inner {
    int32 n = 1;
  }
  oneof choice {
    string text = 1;
    demo.Outer.Inner inner = 2;
  }
  optional int64 count = 3;
  repeated demo.Outer.Color colors = 4;
  map<string, demo.Outer.Inner> by_name = 5;
}`,
  );
});

test('services, nested messages and enums by full name; relative names resolved from the innermost scope', () => {
  assert.equal(descriptors.describe('.demo.Studio'), 'service Studio {\n  rpc Chat (stream demo.Outer) returns (stream demo.Outer.Inner);\n}');
  assert.equal(descriptors.describe('demo.Outer.Inner'), 'message Inner {\n  int32 n = 1;\n}');
  assert.equal(descriptors.describe('demo.Outer.Color'), 'enum Color {\n  RED = 0;\n  GREEN = 1;\n}');
  assert.equal(descriptors.resolve('Inner', 'demo.Outer.Inner'), 'demo.Outer.Inner');
  assert.equal(descriptors.resolve('Outer', 'demo.Outer'), 'demo.Outer');
  assert.equal(descriptors.resolve('Missing', 'demo.Outer'), 'Missing');
  assert.throws(() => descriptors.describe('demo.Missing'), /demo\.Missing is not defined in the files the server sent/);
});
