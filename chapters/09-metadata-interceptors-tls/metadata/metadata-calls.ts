// The client side of metadata: request headers go in with the call; response
// headers arrive as the 'metadata' event, before any message; trailers arrive
// with the status, at the end. These helpers gather all three.
import { Metadata, status, type CallOptions, type ClientReadableStream } from '@grpc/grpc-js';
import { deadlineIn, type UnaryMethod } from '../../shared/client.ts';

export interface WithMetadata<Reply> {
  reply: Reply;
  headers: Metadata;
  trailers: Metadata;
}

/** A unary call with request headers; resolves with the reply, response headers and trailers. */
export function unaryWithMetadata<Request, Reply>(
  method: UnaryMethod<Request, Reply>,
  request: Request,
  metadata: Metadata,
  options: CallOptions = { deadline: deadlineIn() },
): Promise<WithMetadata<Reply>> {
  return new Promise((resolve, reject) => {
    let reply: Reply | undefined;
    let headers = new Metadata();
    // A failure rejects with the ServiceError, whose .metadata holds the trailers.
    const call = method(request, metadata, options, (error, value) => (error ? reject(error) : (reply = value)));
    call.on('metadata', (received: Metadata) => (headers = received));
    // grpc-js calls the callback first, then emits 'status' with the trailers.
    call.on('status', ({ code, metadata: trailers }) => {
      if (code === status.OK) resolve({ reply: reply as Reply, headers, trailers });
    });
  });
}

/** Reads a server stream to its end; resolves with every message, the response headers and trailers. */
export function collectStream<Reply>(stream: ClientReadableStream<Reply>): Promise<WithMetadata<Reply[]>> {
  return new Promise((resolve, reject) => {
    const replies: Reply[] = [];
    let headers = new Metadata();
    stream.on('metadata', (received: Metadata) => (headers = received));
    stream.on('data', (reply: Reply) => replies.push(reply));
    stream.on('error', reject); // a ServiceError, trailers in .metadata
    stream.on('status', ({ code, metadata: trailers }) => {
      if (code === status.OK) resolve({ reply: replies, headers, trailers });
    });
  });
}

/** `x-request-id: 4f1c…, trace-bin: <8 bytes 0a1b…>`, for the transcript. */
export function describeMetadata(metadata: Metadata): string {
  const entries = Object.entries(metadata.toJSON()).flatMap(([key, values]) =>
    values.map((value) => `${key}: ${Buffer.isBuffer(value) ? `<${value.length} bytes ${value.toString('hex')}>` : value}`),
  );
  return entries.length > 0 ? entries.join(', ') : '(none)';
}
