// generated/ must be exactly what `npm run generate` makes from protos/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { filesUnder, REPO_ROOT } from '../chapters/shared/repo-files.ts';
import { GENERATED_FOLDERS, generate } from './generate.ts';

let fresh: string;
before(() => {
  fresh = mkdtempSync(join(tmpdir(), 'grpc-workbook-generate-'));
  generate(fresh);
});
after(() => rmSync(fresh, { recursive: true, force: true }));

for (const folder of GENERATED_FOLDERS) {
  test(`${folder} matches a fresh npm run generate (run it and commit if this fails)`, () => {
    const committed = filesUnder(folder);
    assert.deepEqual(committed, filesUnder(folder, fresh), 'the same files');
    for (const file of committed) {
      assert.equal(
        readFileSync(join(REPO_ROOT, folder, file), 'utf8'),
        readFileSync(join(fresh, folder, file), 'utf8'),
        `${folder}/${file} differs from what protos/ generates`,
      );
    }
  });

  test(`${folder} has no two files whose names differ only in case (macOS and Windows would merge them)`, () => {
    const seen = new Map<string, string>();
    for (const file of filesUnder(folder)) {
      const clash = seen.get(file.toLowerCase());
      assert.equal(clash, undefined, `${file} and ${clash} are one file on a case-insensitive filesystem`);
      seen.set(file.toLowerCase(), file);
    }
  });
}
