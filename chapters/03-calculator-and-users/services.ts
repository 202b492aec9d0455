// One server, three services: a gRPC server routes each call by its path
// (/Cal/Add, /compute.Compute/SayHello, /MyService/User), so unrelated
// services can share a port.
import type { Server } from '@grpc/grpc-js';
import { addCal } from './calculator.ts';
import { addCompute } from './compute.ts';
import { addMyService } from './users.ts';

export function addChapter03Services(server: Server): void {
  addCal(server);
  addCompute(server);
  addMyService(server);
}
