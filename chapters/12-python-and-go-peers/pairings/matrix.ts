// The matrix the tour prints: one row per client, one column per server,
// grouped by service.
import { CLIENT_LANGUAGES, SERVER_LANGUAGES, type CheckedPairing, type Verdict } from './pairings.ts';

const CELL_WIDTH = 22;

function cell(verdict: Verdict | undefined): string {
  switch (verdict?.kind) {
    case undefined:
      return '—'; // same language: not this chapter's subject
    case 'agreed':
      return `✔ ${verdict.calls} calls agree`;
    case 'differs':
      return '✖ differs (see below)';
    case 'waiting':
      return verdict.detail;
    case 'skipped':
      return 'skipped';
  }
}

export function formatMatrix(checked: readonly CheckedPairing[]): string[] {
  const services = [...new Set(checked.map(({ pairing }) => pairing.service))];
  const row = (label: string, cells: string[]) => `  ${label.padEnd(22)}${cells.map((text) => text.padEnd(CELL_WIDTH)).join('')}`.trimEnd();
  const lines = [row('', SERVER_LANGUAGES.map((server) => `${server} server`))];
  for (const service of services) {
    lines.push(`  ${service.name}`);
    for (const client of CLIENT_LANGUAGES) {
      const verdicts = SERVER_LANGUAGES.map(
        (server) => checked.find(({ pairing }) => pairing.service === service && pairing.client === client && pairing.server === server)?.verdict,
      );
      // No row for a client with no pairing here: the original tutorials' other services have Python clients only.
      if (verdicts.every((verdict) => verdict === undefined)) continue;
      lines.push(row(`  ${client} client`, verdicts.map(cell)));
    }
  }
  return lines;
}
