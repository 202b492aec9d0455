// One Connect router, two listeners. connect-node speaks gRPC, gRPC-Web and
// the Connect protocol on every request it gets; what differs is the HTTP that
// reaches it:
//   - port P, cleartext HTTP/2 ("h2c"): grpc-js, Python grpcio, curl
//     --http2-prior-knowledge. Like every other chapter's server.ts.
//   - the web port, HTTP/1.1: the page itself, and every call the page makes.
//     Browsers never speak cleartext HTTP/2, so a page cannot use port P.
// The same handler serves both, so every service answers on both ports.
import { once } from 'node:events';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { cors as connectCors, type ConnectRouter } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { Greeter } from '../../generated/es/hello_pb.ts';
import { RouteGuide } from '../../generated/es/route_guide_pb.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../04-route-guide-streaming/feature-file.ts';
import { connectGreeter } from './connect-greeter.ts';
import { connectRouteGuide, type ConnectRouteGuide, type ConnectRouteGuideOptions } from './connect-route-guide.ts';
import { pageFiles, type PageFile, type PageFiles } from './page/page-files.ts';

/** A request handler for both node:http and node:http2, as connect-node types it. */
type Handler = ReturnType<typeof connectNodeAdapter>;

export interface WebServerOptions extends ConnectRouteGuideOptions {
  /** 127.0.0.1 by default: tests and tours never listen beyond loopback. */
  host?: string;
  /** The HTTP/2 (h2c) port; 0 lets the OS pick. */
  port?: number;
  /** The HTTP/1.1 port for the page; 0 lets the OS pick. */
  webPort?: number;
  /** Pages from these origins may call us (CORS). Same-origin pages always may. */
  allowedOrigins?: readonly string[];
}

export interface RunningWebServer {
  /** host:port of the HTTP/2 listener, for grpc-js and Python. */
  readonly grpcAddress: string;
  /** http://host:port of the HTTP/1.1 listener: open it in a browser. */
  readonly pageUrl: string;
  readonly routeGuide: ConnectRouteGuide;
  /** Stops both listeners; calls still running after `graceMs` are cut off. */
  stop(graceMs?: number): Promise<void>;
}

export async function startWebServer({ host = '127.0.0.1', port = 0, webPort = 0, allowedOrigins = [], ...guideOptions }: WebServerOptions = {}): Promise<RunningWebServer> {
  const routeGuide = connectRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE), guideOptions);
  const routes = (router: ConnectRouter) => {
    router.service(Greeter, connectGreeter);
    router.service(RouteGuide, routeGuide.service);
  };
  const page = await pageFiles();
  const handler = withCors(allowedOrigins, connectNodeAdapter({ routes, fallback: servePage(page) }));

  const h2c = http2.createServer(handler);
  const sessions = new Set<http2.Http2Session>();
  h2c.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const h1 = http.createServer(handler);
  await Promise.all([listen(h2c, host, port), listen(h1, host, webPort)]);
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    grpcAddress: `${hostForUrl}:${(h2c.address() as AddressInfo).port}`,
    pageUrl: `http://${hostForUrl}:${(h1.address() as AddressInfo).port}`,
    routeGuide,
    stop(graceMs = 5_000) {
      stopping ??= Promise.all([
        closeGracefully(h2c, graceMs, () => sessions.forEach((session) => session.destroy())),
        closeGracefully(h1, graceMs, () => h1.closeAllConnections()),
        // Ask HTTP/2 clients to go away (GOAWAY) instead of waiting for them to.
        ...[...sessions].map((session) => session.close()),
      ]).then(() => undefined);
      h1.closeIdleConnections();
      return stopping;
    },
  };
}

async function listen(server: http.Server | http2.Http2Server, host: string, port: number): Promise<void> {
  server.listen(port, host);
  await once(server, 'listening');
}

function closeGracefully(server: http.Server | http2.Http2Server, graceMs: number, cutOff: () => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(cutOff, graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** GET / is the page, GET /page.js its script; anything else that is not an RPC is 404. */
function servePage({ html, script }: PageFiles): Handler {
  return (request, response) => {
    const files: Record<string, PageFile> = { '/': html, '/page.js': script };
    const path = new URL(request.url ?? '/', 'http://page').pathname; // without ?server=…
    const body = request.method === 'GET' ? files[path] : undefined;
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`${request.method} ${request.url}: not found\n`);
      return;
    }
    response.writeHead(200, { 'content-type': body.contentType, 'cache-control': 'no-store' });
    response.end(body.text);
  };
}

/**
 * CORS. A page may call its own origin freely. For a page from another origin
 * the browser asks first (a preflight OPTIONS request, since gRPC-Web and
 * Connect send headers no plain form would) and refuses the call unless our
 * answer names that origin. Connect lists the headers each protocol needs.
 */
export function withCors(allowedOrigins: readonly string[], next: Handler): Handler {
  return (request, response) => {
    const origin = request.headers.origin;
    const allowed = typeof origin === 'string' && allowedOrigins.includes(origin);
    if (allowed) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-expose-headers', connectCors.exposedHeaders.join(', '));
      response.setHeader('vary', 'origin');
    }
    if (request.method === 'OPTIONS') {
      if (allowed) {
        response.setHeader('access-control-allow-methods', connectCors.allowedMethods.join(', '));
        response.setHeader('access-control-allow-headers', connectCors.allowedHeaders.join(', '));
        response.setHeader('access-control-max-age', '600');
      }
      // Without the allow-* headers above, the browser stops here and the page's call fails.
      response.writeHead(204);
      response.end();
      return;
    }
    next(request, response);
  };
}
