// Calls through grpc-js's generic Client, for services that come with a
// library rather than from protos/ (health, reflection, channelz). Their
// packages ship proto-loader method definitions; a method definition carries
// everything a call needs: the path and the two (de)serializers.
import * as grpc from '@grpc/grpc-js';
import { deadlineIn } from '../../shared/client.ts';

/** The part of a proto-loader MethodDefinition that a call uses. */
export interface CallableMethod<Request, Response> {
  path: string;
  requestSerialize: (request: Request) => Buffer;
  responseDeserialize: (bytes: Buffer) => Response;
}

/** One unary call, as a promise. */
export function callMethod<Request, Response>(
  client: grpc.Client,
  method: CallableMethod<Request, Response>,
  request: Request,
  options: grpc.CallOptions = { deadline: deadlineIn() },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, options, (error, reply) => {
      if (error) reject(error);
      // A unary call that ends without an error always carries a reply.
      else resolve(reply as Response);
    });
  });
}

/** A server-streaming call: one request, a stream of responses. */
export function openServerStream<Request, Response>(
  client: grpc.Client,
  method: CallableMethod<Request, Response>,
  request: Request,
  options: grpc.CallOptions = { deadline: deadlineIn() },
): grpc.ClientReadableStream<Response> {
  return client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request, options);
}

/** A bidirectional stream. */
export function openBidiStream<Request, Response>(
  client: grpc.Client,
  method: CallableMethod<Request, Response>,
  options: grpc.CallOptions = { deadline: deadlineIn() },
): grpc.ClientDuplexStream<Request, Response> {
  return client.makeBidiStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, options);
}
