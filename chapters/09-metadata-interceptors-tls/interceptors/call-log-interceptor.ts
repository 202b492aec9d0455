// A server interceptor that logs each call as it comes in and the status it
// leaves with, whoever answered it: the handler, or another interceptor.
import { ResponderBuilder, ServerInterceptingCall, ServerListenerBuilder, status, type ServerInterceptor } from '@grpc/grpc-js';
import { METADATA_KEYS } from '../metadata/metadata-keys.ts';

export type Log = (line: string) => void;

export function callLogInterceptor(log: Log, name = 'server'): ServerInterceptor {
  return (method, call) => {
    const listener = new ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        const requestId = metadata.get(METADATA_KEYS.requestId)[0] ?? 'none';
        // With mutual TLS, the client's certificate says who connected.
        const clientName = call.getAuthContext().sslPeerCertificate?.subject?.CN;
        const client = clientName === undefined ? '' : `, client certificate CN=${clientName}`;
        log(`${name} ▸ ${method.path} (request id ${requestId}${client})`);
        next(metadata);
      })
      .build();
    const responder = new ResponderBuilder()
      .withStart((next) => next(listener))
      .withSendStatus((sent, next) => {
        log(`${name} ◂ ${status[sent.code]}${sent.code === status.OK ? '' : `: ${sent.details}`}`);
        next(sent);
      })
      .build();
    return new ServerInterceptingCall(call, responder);
  };
}
