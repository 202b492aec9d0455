// Every diagram in the lessons and the README must be one GitHub can draw, so
// each ```mermaid block goes through Mermaid's own parser. A block that does
// not parse (a `;` inside a sequence-diagram note ends the statement early)
// shows up on GitHub as an error box instead of a picture.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { REPO_ROOT } from '../shared/repo-files.ts';

// Mermaid cleans flowchart labels with DOMPurify, which needs a DOM. linkedom
// gives it one without a browser; it must be in place before Mermaid loads.
globalThis.window = parseHTML('<!doctype html><html><body></body></html>').window as unknown as Window & typeof globalThis;
const { default: mermaid } = await import('mermaid');

const markdownFiles = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** The body of every ```mermaid fence in `markdown`, with the line it starts on. */
function mermaidBlocks(markdown: string): { line: number; body: string }[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length,
    body: match[1],
  }));
}

test('the lessons have diagrams to check', () => {
  const count = markdownFiles.reduce((sum, file) => sum + mermaidBlocks(readFileSync(join(REPO_ROOT, file), 'utf8')).length, 0);
  assert.ok(count >= 19, `found only ${count} mermaid blocks`);
});

test('a note with a semicolon does not parse (the mistake this test is for)', async () => {
  const broken = 'sequenceDiagram\n  participant C as Client\n  Note over C: UNAVAILABLE is retryable; wait ~5 ms\n';
  await assert.rejects(mermaid.parse(broken), /Parse error on line 3/);
});

for (const file of markdownFiles) {
  const blocks = mermaidBlocks(readFileSync(join(REPO_ROOT, file), 'utf8'));
  for (const { line, body } of blocks) {
    test(`${file}:${line} parses as a Mermaid diagram`, async () => {
      await assert.doesNotReject(mermaid.parse(body), `${file}:${line}`);
    });
  }
}
