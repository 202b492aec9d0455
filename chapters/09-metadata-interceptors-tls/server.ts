// Chapter 09, server half: the metadata Greeter and ListFeatures behind mutual
// TLS and the auth interceptor, until Ctrl-C. On its first run it makes
// certificates into certs/ (see tls/cert-folder.ts), where client.ts finds them.
import { runServerHalf } from '../shared/chapter.ts';
import { prepareCertificates } from './tls/cert-folder.ts';
import { chapterServerOptions } from './chapter-server.ts';
import { addMetadataServices } from './metadata-services.ts';
import { serverCredentials } from './tls/tls-credentials.ts';

await runServerHalf({
  name: 'Greeter and RouteGuide.ListFeatures (mutual TLS, bearer tokens)',
  usage: `Usage: npx tsx chapters/09-metadata-interceptors-tls/server.ts [--port 50051]

Serves helloworld.Greeter and routeguide.RouteGuide/ListFeatures on localhost
over mutual TLS, behind a call-log and an auth interceptor, until Ctrl-C.
Certificates: made on the first run into chapters/09-metadata-interceptors-tls/certs/
(ignored by git; $WORKBOOK_09_CERTS to put them elsewhere), reused while valid.
In another terminal: npx tsx chapters/09-metadata-interceptors-tls/client.ts --addr localhost:50051`,
  addServices: addMetadataServices,
  async prepare() {
    const { certs, dir, issued } = await prepareCertificates();
    console.log(`${issued ? 'made new certificates in' : 'reusing the certificates in'} ${dir}`);
    return { credentials: serverCredentials(certs, 'mutual'), serverOptions: chapterServerOptions((line) => console.log(line)) };
  },
});
