// Calls made of raw bytes. A grpc-js Client with serializers that pass Buffers
// through unchanged sends whatever bytes it is given as a message, on any
// path, in any of the four call shapes. And below gRPC, node:http2 can send
// what no gRPC client would: a frame that stops short, a header that lies.
import { connect, type IncomingHttpHeaders } from 'node:http2';
import * as grpc from '@grpc/grpc-js';

const asIs = (bytes: Buffer) => bytes;

/** How a raw call ended: its status, and the raw messages it got first. */
export interface RawAnswer {
  code: grpc.status;
  details: string;
  messages: Buffer[];
  /** False when the call had no status after `giveUpAfterMs` and the client cancelled it (code is then CANCELLED). */
  answered: boolean;
}

export interface RawCallOptions {
  metadata?: grpc.Metadata;
  /** The call's deadline; Infinity sends none, as a careless client would. */
  deadlineMs?: number;
  /** Cancels a call that has no status after this long, and says so (answered: false). */
  giveUpAfterMs?: number;
  /** For streamed replies: cancel the call once this many messages have come. */
  maxMessages?: number;
}

/** A client that sends raw bytes and takes replies of any size (the matrix watches servers, not clients). */
export function rawClient(address: string): grpc.Client {
  return new grpc.Client(address, grpc.credentials.createInsecure(), { 'grpc.max_receive_message_length': -1 });
}

/**
 * Calls `method` (a method definition, for its path and shape) with `requests`
 * as the request messages: the first one only, unless the client streams.
 */
export function rawCall(
  client: grpc.Client,
  method: Pick<grpc.MethodDefinition<unknown, unknown>, 'path' | 'requestStream' | 'responseStream'>,
  requests: Buffer[],
  { metadata = new grpc.Metadata(), deadlineMs = 5_000, giveUpAfterMs, maxMessages = 20 }: RawCallOptions = {},
): Promise<RawAnswer> {
  const options: grpc.CallOptions = { deadline: Date.now() + deadlineMs };
  const messages: Buffer[] = [];
  return new Promise((resolve) => {
    let answered = true;
    const giveUp = giveUpAfterMs === undefined ? undefined : setTimeout(() => ((answered = false), call.cancel()), giveUpAfterMs);
    const finish = (status: grpc.StatusObject) => {
      clearTimeout(giveUp);
      resolve({ code: status.code, details: status.details, messages, answered });
    };
    const [first = Buffer.alloc(0)] = requests;
    let call: grpc.ClientUnaryCall | grpc.ClientWritableStream<Buffer> | grpc.ClientReadableStream<Buffer> | grpc.ClientDuplexStream<Buffer, Buffer>;
    const keep = (reply: Buffer | undefined) => reply && messages.push(reply);
    if (!method.requestStream && !method.responseStream) {
      call = client.makeUnaryRequest(method.path, asIs, asIs, first, metadata, options, (_error, reply) => keep(reply));
    } else if (method.requestStream && !method.responseStream) {
      const writable = client.makeClientStreamRequest(method.path, asIs, asIs, metadata, options, (_error, reply) => keep(reply));
      for (const request of requests) writable.write(request);
      writable.end();
      call = writable;
    } else {
      let readable: grpc.ClientReadableStream<Buffer> | grpc.ClientDuplexStream<Buffer, Buffer>;
      if (method.requestStream) {
        const duplex = client.makeBidiStreamRequest(method.path, asIs, asIs, metadata, options);
        for (const request of requests) duplex.write(request);
        duplex.end();
        readable = duplex;
      } else {
        readable = client.makeServerStreamRequest(method.path, asIs, asIs, first, metadata, options);
      }
      readable.on('data', (reply: Buffer) => {
        if (keep(reply) === maxMessages) readable.cancel();
      });
      readable.on('error', () => {}); // the status event below tells the outcome
      call = readable;
    }
    call.on('status', finish);
  });
}

/** What came back for a raw HTTP/2 request: the HTTP status and, if any, the gRPC status. */
export interface Http2Answer {
  httpStatus: number;
  grpcStatus?: number;
  grpcMessage?: string;
}

/**
 * POSTs `body` to `path` as one HTTP/2 request, with gRPC's headers unless
 * `headers` says otherwise, and waits for the answer. The gRPC status comes in
 * the trailers, or in the headers of a trailers-only answer.
 */
export function rawHttp2(address: string, path: string, body: Buffer, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<Http2Answer> {
  return new Promise((resolve, reject) => {
    const session = connect(`http://${address}`);
    session.on('error', reject);
    const request = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', ...headers });
    request.setTimeout(timeoutMs, () => request.close());
    const answer: Http2Answer = { httpStatus: 0 };
    const read = (fields: IncomingHttpHeaders) => {
      if (fields[':status'] !== undefined) answer.httpStatus = Number(fields[':status']);
      if (fields['grpc-status'] !== undefined) answer.grpcStatus = Number(fields['grpc-status']);
      if (fields['grpc-message'] !== undefined) answer.grpcMessage = decodeURIComponent(String(fields['grpc-message']));
    };
    request.on('response', read);
    request.on('trailers', read);
    request.on('data', () => {});
    request.on('error', reject);
    request.on('close', () => {
      session.close();
      resolve(answer);
    });
    request.end(body);
  });
}

/** gRPC's length prefix: a compressed flag, then the length the message claims to have. */
export function framePrefix(claimedLength: number, compressed = false): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(compressed ? 1 : 0, 0);
  prefix.writeUInt32BE(claimedLength, 1);
  return prefix;
}
