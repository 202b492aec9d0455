// Near-miss for exercise 11-A: the reference solution, except that it leaves out round_robin.
// The exercise's test must fail against it (the workbook checks that it does).
import type { ServiceConfig } from '@grpc/grpc-js';

export const fleetConfig: ServiceConfig = {
  loadBalancingConfig: [],
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
