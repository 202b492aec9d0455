// The chapter's server: the services of chapters 02 and 03, a slow
// ListFeatures stream, and what makes it operable: health, reflection and
// channelz.
import type { Server } from '@grpc/grpc-js';
import { addStaticGreeter } from '../02-unary-hello/static-greeter.ts';
import { addCal } from '../03-calculator-and-users/calculator.ts';
import { addCompute } from '../03-calculator-and-users/compute.ts';
import { addAdminServices } from './admin-services.ts';
import { addFeatureFeed, type FeatureFeedOptions } from './feature-feed.ts';
import { ServiceHealth } from './health.ts';
import { addMyServiceBackedBy } from './my-service.ts';
import { UserDirectory } from './user-directory.ts';

/** The names the health service knows, one per service the server does work for. */
export const SERVICE_NAMES = ['helloworld.Greeter', 'Cal', 'compute.Compute', 'MyService', 'routeguide.RouteGuide'] as const;

export interface OperatedServer {
  addServices: (server: Server) => void;
  health: ServiceHealth;
  /** MyService's dependency, which the tour and the tests take down and bring back. */
  directory: UserDirectory;
}

export function operatedServer(feed: FeatureFeedOptions = { intervalMs: 100 }): OperatedServer {
  const directory = new UserDirectory();
  const health = new ServiceHealth(SERVICE_NAMES);
  health.follow('MyService', directory);
  return {
    health,
    directory,
    addServices(server) {
      addStaticGreeter(server);
      addCal(server);
      addCompute(server);
      addMyServiceBackedBy(server, directory);
      addFeatureFeed(server, feed);
      health.implementation.addToServer(server);
      addAdminServices(server);
    },
  };
}
