// A chapter that reuses an earlier chapter's service imports the module that
// defines it, never the earlier chapter's narration, halves or tests: those
// print, parse arguments or run at import time, and move as lessons change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chapterFolders, filesUnder, REPO_ROOT } from './repo-files.ts';

/** File names that tell a chapter's story or run it; other chapters must not import them. */
const NOT_FOR_IMPORT = [
  /^index\.ts$/,
  /^server\.ts$/,
  /^client\.ts$/,
  /^bench\.ts$/,
  /walkthrough\.ts$/,
  /narrat/,
  /^tour-/,
  /-steps\.ts$/,
  /\.test\.ts$/,
];

const CHAPTER_IMPORT = /from '((?:\.\.\/)+)(\d\d-[a-z0-9-]+)\/([^']+)'/g;

test('chapters import earlier chapters only from their service modules', () => {
  const offending: string[] = [];
  let crossChapterImports = 0;
  for (const chapter of chapterFolders()) {
    for (const file of filesUnder(join('chapters', chapter)).filter((path) => path.endsWith('.ts'))) {
      const source = readFileSync(join(REPO_ROOT, 'chapters', chapter, file), 'utf8');
      for (const [, , target, path] of source.matchAll(CHAPTER_IMPORT)) {
        if (target === chapter) continue;
        crossChapterImports++;
        const name = path!.split('/').at(-1)!;
        if (NOT_FOR_IMPORT.some((pattern) => pattern.test(name))) offending.push(`${chapter}/${file} imports ${target}/${path}`);
      }
    }
  }
  // The scan must see the reuse it polices (chapters 08–12 reuse 02–07), or it checks nothing.
  assert.ok(crossChapterImports >= 20, `only ${crossChapterImports} cross-chapter imports found`);
  assert.deepEqual(offending, []);
});
