// Chapter 12, server half: the workbook's TypeScript services, for the Python
// and Go clients to call from other terminals.
import { runServerHalf } from '../shared/chapter.ts';
import { addTypeScriptServers, PEER_SERVICES, typeScriptServerOptions } from './peer-services.ts';

const served = PEER_SERVICES.filter((service) => service.addTypeScriptServer).map((service) => service.name);

await runServerHalf({
  name: `TypeScript server (${served.join(', ')})`,
  usage: `Usage: npx tsx chapters/12-python-and-go-peers/server.ts [--port 50051]

Serves the TypeScript ${served.join(', ')} on localhost until Ctrl-C.
Call it from Python or Go (npm run setup:interop installs them):
  /usr/bin/python3 chapters/12-python-and-go-peers/python/greeter_client.py --addr localhost:50051
  GO111MODULE=off GOPATH=$PWD/chapters/12-python-and-go-peers/go:$PWD/generated/go:/usr/share/gocode \\
    go run workbook/peers/users-client --addr localhost:50051`,
  addServices: addTypeScriptServers,
  serverOptions: typeScriptServerOptions(),
});
