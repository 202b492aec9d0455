// Exercise 11-A: a service config that rides out a flaky fleet.
//
// Write `fleetConfig`, the service config for a Greeter client in front of
// several backends. It must:
//   - spread calls over every backend (round_robin);
//   - for every method of helloworld.Greeter, retry calls that fail with
//     UNAVAILABLE, so that a call survives 3 refusals in a row;
//   - make at most 4 attempts per call, never retry any other status (not
//     INVALID_ARGUMENT, not RESOURCE_EXHAUSTED), and keep backoffs short: tens
//     of milliseconds, so the tests stay quick.
// service-configs.ts in this chapter shows every field you need.
//
// Check your work: npm run exercises -- 11
import type { ServiceConfig } from '@grpc/grpc-js';

export const fleetConfig: ServiceConfig = {
  // TODO: a load-balancing policy and a method config with a retryPolicy.
  loadBalancingConfig: [],
  methodConfig: [],
};
