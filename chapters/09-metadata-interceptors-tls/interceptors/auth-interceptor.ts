// A server interceptor that decides, before any handler runs, whether a call
// may proceed: UNAUTHENTICATED when we cannot tell who is calling, and
// PERMISSION_DENIED when we can, but that caller may not call this method.
import { Metadata, ResponderBuilder, ServerInterceptingCall, ServerListenerBuilder, status, type ServerInterceptor } from '@grpc/grpc-js';
import { METADATA_KEYS } from '../metadata/metadata-keys.ts';
import type { Role, TokenTable } from './tokens.ts';

/** Which roles may call each method. A method not listed here is refused to everyone. */
export const METHOD_ROLES: Readonly<Record<string, readonly Role[]>> = {
  '/helloworld.Greeter/SayHello': ['reader', 'admin'],
  '/helloworld.Greeter/SayHelloAgain': ['admin'],
  '/routeguide.RouteGuide/ListFeatures': ['reader', 'admin'],
};


export type Verdict = { allowed: true; role: Role } | { allowed: false; code: status; details: string };

/**
 * The decision alone, as a plain function. The messages never repeat the
 * token: a refusal must not echo a secret into a client's logs.
 */
export function authorize(metadata: Metadata, path: string, tokens: TokenTable, methodRoles = METHOD_ROLES): Verdict {
  const refuse = (code: status, details: string): Verdict => ({ allowed: false, code, details });
  const values = metadata.get('authorization');
  if (values.length === 0) return refuse(status.UNAUTHENTICATED, 'missing "authorization: Bearer <token>" metadata');
  if (values.length > 1) return refuse(status.UNAUTHENTICATED, `expected one authorization value, got ${values.length}`);
  const match = /^Bearer (\S+)$/i.exec(String(values[0]));
  if (!match) return refuse(status.UNAUTHENTICATED, 'authorization metadata must be "Bearer <token>"');
  const role = tokens.roleOf(match[1]);
  if (role === undefined) return refuse(status.UNAUTHENTICATED, 'invalid bearer token');
  const allowed = methodRoles[path] ?? [];
  if (!allowed.includes(role)) {
    const who = allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no role';
    return refuse(status.PERMISSION_DENIED, `role "${role}" may not call ${path} (${who} may)`);
  }
  return { allowed: true, role };
}

export function authInterceptor(tokens: TokenTable, methodRoles = METHOD_ROLES): ServerInterceptor {
  return (method, call) => {
    const listener = new ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        const verdict = authorize(metadata, method.path, tokens, methodRoles);
        if (!verdict.allowed) {
          // Answer now and never call next(): the handler does not run, and the
          // request message, if it arrives, goes nowhere.
          call.sendStatus({ code: verdict.code, details: verdict.details, metadata: new Metadata() });
          return;
        }
        // Handlers get the role, never the token (which they might log), and a
        // client cannot claim a role by sending x-authenticated-role itself: set() replaces it.
        metadata.remove('authorization');
        metadata.set(METADATA_KEYS.role, verdict.role);
        next(metadata);
      })
      .build();
    return new ServerInterceptingCall(call, new ResponderBuilder().withStart((next) => next(listener)).build());
  };
}
