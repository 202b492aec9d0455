// The standard health service, grpc.health.v1.Health, from the
// grpc-health-check package: a status per service name, and "" for the
// server as a whole. Load balancers and Kubernetes speak this protocol, so a
// server that serves it can be operated by tools that know nothing else
// about it.
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import type { UserDirectory } from './user-directory.ts';

/** The name under which the server as a whole reports its health. */
export const WHOLE_SERVER = '';

export class ServiceHealth {
  readonly implementation: HealthImplementation;
  readonly #services: readonly string[];

  /** Every service starts SERVING, and so does the server as a whole. */
  constructor(services: readonly string[]) {
    this.#services = [WHOLE_SERVER, ...services];
    this.implementation = new HealthImplementation(Object.fromEntries(this.#services.map((name) => [name, 'SERVING'])));
  }

  set(service: string, status: ServingStatus): void {
    this.implementation.setStatus(service, status);
  }

  /** `service` is SERVING exactly while `directory` is reachable. */
  follow(service: string, directory: UserDirectory): void {
    this.set(service, directory.failure === undefined ? 'SERVING' : 'NOT_SERVING');
    directory.on('change', (reachable) => this.set(service, reachable ? 'SERVING' : 'NOT_SERVING'));
  }

  /**
   * Called when the server starts to shut down: watchers (a load balancer
   * that uses Watch) stop sending new calls here at once, before the
   * connection closes under them.
   */
  markAllNotServing(): void {
    for (const service of this.#services) this.set(service, 'NOT_SERVING');
  }
}
