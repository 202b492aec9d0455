// Service configs: how a channel balances load and which calls it retries or
// hedges, as data. Here the client hands them to its channel, as the default;
// in a fleet they often come from the name resolver instead (a DNS TXT record,
// or xDS), which takes precedence, so operators can change them without
// redeploying clients. grpc-js checks a config's shape when the channel is
// made and throws on one it cannot use.
import type { ChannelOptions, MethodConfig, ServiceConfig } from '@grpc/grpc-js';

/** Which methods a method config applies to: every method of the Greeter. */
const GREETER = [{ service: 'helloworld.Greeter' }];

/** The channel option that carries a service config, as a JSON string. */
export function withServiceConfig(config: ServiceConfig): ChannelOptions {
  return { 'grpc.service_config': JSON.stringify(config) };
}

/** Spread calls over every address, one after another. */
export const roundRobin: ServiceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [],
};

/**
 * Retry a Greeter call that failed with UNAVAILABLE, waiting about 5, 10, 20,
 * 20 ms (±20% jitter) between attempts. Production configs wait longer (0.1 s
 * to 1 s to start, up to several seconds); the tour keeps its runs short.
 */
function retryUnavailable(maxAttempts: number): MethodConfig {
  return {
    name: GREETER,
    retryPolicy: {
      maxAttempts,
      initialBackoff: '0.005s',
      maxBackoff: '0.02s',
      backoffMultiplier: 2,
      retryableStatusCodes: ['UNAVAILABLE'],
    },
  };
}

/** Up to 5 attempts in all: the first and 4 retries. */
export const retryWhenUnavailable: ServiceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [retryUnavailable(5)],
};

/** The same policy asking for 10 attempts: grpc-js makes 5 at most. */
export const askForTenAttempts: ServiceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [retryUnavailable(10)],
};

/**
 * Retries with a budget: every failed attempt costs a token, every success
 * earns back 0.1, and the channel retries only while it holds more than half
 * of its 10 tokens. When a backend is down for everyone, retries stop after a
 * few failures instead of multiplying the load on it.
 */
export const retryWithinBudget: ServiceConfig = {
  ...retryWhenUnavailable,
  retryThrottling: { maxTokens: 10, tokenRatio: 0.1 },
};

/**
 * Hedging: if no answer has come 50 ms after sending, send the same request
 * again (round_robin picks the next backend); the first answer wins and the
 * other attempt is cancelled. Only for calls that are safe to run twice.
 */
export const hedgeAfter50ms: ServiceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: GREETER,
      hedgingPolicy: {
        maxAttempts: 2,
        hedgingDelay: '0.05s',
        nonFatalStatusCodes: ['UNAVAILABLE'],
      },
    },
  ],
};
