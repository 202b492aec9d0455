// Chapter 04, server half: RouteGuide until Ctrl-C, over features.json or the
// file named by --db.
import { relative } from 'node:path';
import { runServerHalf } from '../shared/chapter.ts';
import { DEFAULT_PORT, orExitWithUsage, parseCommandLine, parsePort } from '../shared/cli.ts';
import { DEFAULT_FEATURE_FILE, FeatureFileError, loadFeatureFile, type FeatureRecord } from './model/feature-file.ts';
import { addRouteGuide, createRouteGuide } from './route-guide.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

const usage = `Usage: npx tsx chapters/04-route-guide-streaming/server.ts [--port 50051] [--db path/to/features.json]

Serves routeguide.RouteGuide (GetFeature, ListFeatures, RecordRoute, RouteChat)
on localhost until Ctrl-C, then lets in-flight calls finish and stops.
--db loads another feature file: a JSON array of
  {"name": "Heron Pond", "location": {"latitude": 409146138, "longitude": -746188906}}
with coordinates in degrees × 10^7; every entry is checked before the server starts.
In another terminal: npx tsx chapters/04-route-guide-streaming/client.ts --addr localhost:50051`;

const flags = parseCommandLine(usage, {
  port: { type: 'string', default: String(DEFAULT_PORT) },
  db: { type: 'string', default: DEFAULT_FEATURE_FILE },
});
const port = orExitWithUsage(usage, () => parsePort(flags.port));
let features: FeatureRecord[] | undefined;
try {
  features = loadFeatureFile(flags.db);
} catch (error) {
  if (!(error instanceof FeatureFileError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}

if (features) {
  const guide = createRouteGuide(features);
  await runServerHalf({
    name: `RouteGuide (${features.length} features from ${relative(process.cwd(), flags.db) || flags.db})`,
    usage,
    port,
    addServices: (server) => addRouteGuide(server, guide),
    // The limits and interceptors of every workbook server (lesson 08).
    serverOptions: SERVER_OPTIONS,
  });
}
