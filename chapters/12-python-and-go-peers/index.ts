// Chapter 12: the workbook's services called by Python and Go peers, as in
// the original tutorials, and by TypeScript calling theirs. Every client makes
// the same calls against every server; the matrix shows who agrees.
import { runTour } from '../shared/chapter.ts';
import type { Transcript } from '../shared/transcript.ts';
import { describeRecord } from './pairings/call-records.ts';
import { buildGoClients } from './tools/go-clients.ts';
import { formatMatrix } from './pairings/matrix.ts';
import { PEER_SERVICES, peerService } from './peer-services.ts';
import { checkAllPairings, describePairing, runClient, startPeerServers, type CheckedPairing } from './pairings/pairings.ts';
import { missingPeerTools, SETUP_HINT } from './tools/toolchain.ts';

function count(checked: CheckedPairing[], kind: CheckedPairing['verdict']['kind']): number {
  return checked.filter(({ verdict }) => verdict.kind === kind).length;
}

/** "; 2 wait for chapter 07", or nothing once every implementation is in. */
function waitingNote(checked: CheckedPairing[]): string {
  const waiting = count(checked, 'waiting');
  const waitsFor = [...new Set(PEER_SERVICES.flatMap((service) => (service.waitsFor ? [service.waitsFor] : [])))];
  return waiting === 0 ? '' : `; ${waiting} wait for ${waitsFor.join(' and ')}`;
}

async function tour(t: Transcript): Promise<string> {
  t.step('One protos/ folder, three languages: generated/static (TypeScript), generated/python, generated/go');
  const missing = missingPeerTools();
  if (missing.length > 0) {
    t.note(SETUP_HINT);
    t.note(`missing: ${missing.join('; ')}`);
    const checked = await checkAllPairings(undefined);
    for (const line of formatMatrix(checked)) t.note(line);
    return `12 python and go peers: Python and Go peers not installed, ${count(checked, 'skipped')} pairings skipped (npm run setup:interop)${waitingNote(checked)}`;
  }

  t.step('Building the Go clients (the first build compiles grpc-go from source; Go caches it for later runs)');
  // Go builds while the servers start: each takes about a second, mostly
  // waiting on another process (go, and Python importing grpc and numpy).
  const buildStarted = Date.now();
  const building = buildGoClients().then(() => Date.now() - buildStarted);
  building.catch(() => {}); // awaited below, once the servers are up (or never, if they fail to start)
  const servers = await startPeerServers();
  try {
    t.note(`ready after ${await building} ms`);
    t.step(`A TypeScript server at ${servers.addresses.TypeScript} and a Python server at ${servers.addresses.Python}`);
    const checked = await checkAllPairings(servers);
    t.step('Every client against every server, each making the same calls and expecting the same outcomes');
    for (const line of formatMatrix(checked)) t.note(line);
    const differing = checked.filter(({ verdict }) => verdict.kind === 'differs');
    for (const { pairing, verdict } of differing) {
      if (verdict.kind === 'differs') t.note(`✖ ${describePairing(pairing)}: ${verdict.detail}`);
    }

    t.step('Up close: the original client.go, its timestamp bug fixed, against the numpy server');
    for (const record of await runClient(peerService('pb.Outliers'), 'Go', servers.addresses.Python)) {
      t.note(describeRecord(record));
    }

    if (differing.length > 0) throw new Error(`${differing.length} pairing(s) disagree`);
    const ran = count(checked, 'agreed');
    return `12 python and go peers: ${ran}/${ran} pairings agree across TypeScript, Python and Go${waitingNote(checked)}`;
  } finally {
    await servers.stop();
  }
}

await runTour('Chapter 12 · Python and Go peers: the same services in three languages', tour);
