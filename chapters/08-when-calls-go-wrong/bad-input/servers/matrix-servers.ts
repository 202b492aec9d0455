// The servers the bad-input matrix checks (and the fuzz suite fuzzes), in chapter order.
import type { MatrixServer } from '../matrix.ts';
import { chapter03Server, greeterServers } from './servers-02-03.ts';
import { chapter04Server, contactServer, taskInboxServer } from './servers-04-05.ts';
import { chapter06Server } from './servers-06.ts';
import { chapter07Server } from './servers-07.ts';
import { chapter08Server } from './servers-08.ts';
import { chapter09Server } from './servers-09.ts';

export const MATRIX_SERVERS: MatrixServer[] = [...greeterServers, chapter03Server, chapter04Server, taskInboxServer, contactServer, chapter06Server, chapter07Server, chapter08Server, chapter09Server];
