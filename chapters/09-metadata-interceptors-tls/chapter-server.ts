// The chapter's server: the metadata Greeter and ListFeatures, behind TLS and
// two interceptors. Used by the tour, the server half and the tests alike.
import type { ServerOptions } from '@grpc/grpc-js';
import { startServer, type RunningServer } from '../shared/server.ts';
import { authInterceptor } from './interceptors/auth-interceptor.ts';
import { callLogInterceptor, type Log } from './interceptors/call-log-interceptor.ts';
import type { TestCertificates } from './tls/certificates.ts';
import { addMetadataServices } from './metadata-services.ts';
import { serverCredentials, type TlsMode } from './tls/tls-credentials.ts';
import { demoTokenTable } from './interceptors/tokens.ts';
import { boundStatusDetails, SERVER_LIMITS } from '../shared/server-options.ts';

export function chapterServerOptions(log: Log): ServerOptions {
  // The first interceptor listed sees each call first and its status last, so
  // the log also records the calls that the auth interceptor refuses.
  // SERVER_LIMITS and boundStatusDetails: what every workbook server keeps (lesson 08).
  return { ...SERVER_LIMITS, interceptors: [callLogInterceptor(log), authInterceptor(demoTokenTable), boundStatusDetails] };
}

/** Serves on localhost, the name in the server certificate, on a free port. */
export function startChapterServer(certs: TestCertificates, mode: TlsMode, log: Log): Promise<RunningServer> {
  return startServer(addMetadataServices, {
    host: 'localhost',
    credentials: serverCredentials(certs, mode),
    serverOptions: chapterServerOptions(log),
  });
}
