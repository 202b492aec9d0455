// The page's script, bundled by esbuild (page-files.ts). It calls the server
// that served it, or the one named by ?server=http://host:port (how the CORS
// test makes a cross-origin page), with the transport chosen in the page.
import { createClient, type Transport } from '@connectrpc/connect';
import { createConnectTransport, createGrpcWebTransport } from '@connectrpc/connect-web';
import { Greeter } from '../../../generated/es/hello_pb.ts';
import { RouteGuide } from '../../../generated/es/route_guide_pb.ts';
import { describeConnectError } from '../from-node/status-name.ts';

const E7 = 10_000_000;
const WHOLE_EARTH = { lo: { latitude: -90 * E7, longitude: -180 * E7 }, hi: { latitude: 90 * E7, longitude: 180 * E7 } };

const baseUrl = new URLSearchParams(location.search).get('server') ?? location.origin;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const transportChoice = element<HTMLSelectElement>('transport');
element('server').textContent = `server: ${baseUrl}`;

function transport(): Transport {
  // Both send the same protobuf messages over fetch; they differ in framing.
  return transportChoice.value === 'grpc-web' ? createGrpcWebTransport({ baseUrl }) : createConnectTransport({ baseUrl });
}

function show(id: string, text: string, isError = false): void {
  const output = element(id);
  output.textContent = text;
  output.className = isError ? 'error' : '';
}

element('say-hello').addEventListener('click', async () => {
  const greeter = createClient(Greeter, transport());
  show('greeting', '…');
  try {
    const reply = await greeter.sayHello({ name: element<HTMLInputElement>('name').value }, { timeoutMs: 5_000 });
    show('greeting', reply.message);
  } catch (error) {
    show('greeting', describeConnectError(error), true);
  }
});

let listing: AbortController | undefined;

element('list-features').addEventListener('click', async () => {
  listing?.abort();
  const controller = (listing = new AbortController());
  const list = element('features');
  list.replaceChildren();
  element<HTMLButtonElement>('stop').disabled = false;
  show('list-status', 'streaming: 0 features');
  try {
    const guide = createClient(RouteGuide, transport());
    for await (const feature of guide.listFeatures(WHOLE_EARTH, { signal: controller.signal })) {
      const item = document.createElement('li');
      item.textContent = feature.name;
      list.append(item);
      show('list-status', `streaming: ${list.children.length} features`);
    }
    show('list-status', `done: ${list.children.length} features`);
  } catch (error) {
    if (controller.signal.aborted) show('list-status', `stopped: ${list.children.length} features`);
    else show('list-status', describeConnectError(error), true);
  } finally {
    element<HTMLButtonElement>('stop').disabled = true;
  }
});

element('stop').addEventListener('click', () => listing?.abort());

element('record-route').addEventListener('click', async () => {
  const guide = createClient(RouteGuide, transport());
  async function* route() {
    for (const latitude of [407_838_351, 408_122_808, 413_628_156]) yield { latitude, longitude: -746_143_763 };
  }
  show('route-status', '…');
  try {
    const summary = await guide.recordRoute(route(), { timeoutMs: 5_000 });
    show('route-status', `${summary.pointCount} points`);
  } catch (error) {
    // fetch cannot stream a request body (yet): Connect's web transports refuse.
    show('route-status', describeConnectError(error), true);
  }
});
