// Exercise 11-A, a solution: round_robin, and 4 attempts on UNAVAILABLE only.
import type { ServiceConfig } from '@grpc/grpc-js';

export const fleetConfig: ServiceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: [{ service: 'helloworld.Greeter' }],
      retryPolicy: {
        maxAttempts: 4,
        initialBackoff: '0.02s',
        maxBackoff: '0.08s',
        backoffMultiplier: 2,
        retryableStatusCodes: ['UNAVAILABLE'],
      },
    },
  ],
};
