// MyService loses its user directory and gets it back, seen through a health
// Watch: SERVING, NOT_SERVING while the directory is gone, SERVING again.
// Only MyService is affected; the rest of the server keeps serving.
import * as grpc from '@grpc/grpc-js';
import { MyServiceClient, UnimplementedMyServiceService, UserReq } from '../../../generated/static/users.ts';
import { callUnary } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { checkHealth, Health, healthClient, HealthWatch, type HealthStatus } from '../inspection/health-client.ts';
import { WHOLE_SERVER } from '../health.ts';
import type { UserDirectory } from '../user-directory.ts';

const userPath = UnimplementedMyServiceService.definition.User.path;

/** Narrates the outage and returns the statuses the Watch delivered, in order. */
export async function outage(address: string, directory: UserDirectory, t: Transcript): Promise<HealthStatus[]> {
  const health = healthClient(address);
  const users = new MyServiceClient(address, grpc.credentials.createInsecure());
  const watch = new HealthWatch(health, 'MyService');
  const seen: HealthStatus[] = [];
  const lookUp = async () => {
    t.sent(userPath, { userIDs: [1] });
    try {
      t.received((await callUnary(users.User, new UserReq({ userIDs: [1] }))).toObject());
    } catch (error) {
      t.failed(error);
    }
  };
  const nextStatus = async () => {
    seen.push(await watch.next());
    t.note(`← Watch: ${seen.at(-1)}`);
  };
  try {
    t.step('Watch MyService while its user directory fails and comes back');
    t.sent(Health.Watch.path, { service: 'MyService' });
    await nextStatus(); // the current status comes at once

    t.note('The user directory stops answering ("connection refused").');
    directory.fail('connection refused');
    await nextStatus();
    await lookUp();
    for (const service of ['helloworld.Greeter', WHOLE_SERVER]) {
      t.note(`Check ${JSON.stringify(service)}: ${await checkHealth(health, service)}`);
    }

    t.note('The user directory is back.');
    directory.recover();
    await nextStatus();
    await lookUp();
    return seen;
  } finally {
    watch.cancel();
    health.close();
    users.close();
  }
}
