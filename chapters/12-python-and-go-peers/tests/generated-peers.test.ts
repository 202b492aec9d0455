// generated/python and generated/go must be exactly what `npm run
// generate:peers` makes from protos/, as generated/generated.test.ts checks
// for the TypeScript stubs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { filesUnder, REPO_ROOT } from '../../shared/repo-files.ts';
import { generatePeers, PEER_GENERATED_FOLDERS, TOOLCHAIN_FILE } from '../tools/generate-peers.ts';
import { peerSkip, requirePeers } from '../tools/toolchain.ts';

describe('the peers\' generated code', { skip: peerSkip() }, () => {
  let fresh: string;
  before(() => {
    requirePeers();
    fresh = mkdtempSync(join(tmpdir(), 'grpc-workbook-generate-peers-'));
    generatePeers(fresh);
  });
  after(() => rmSync(fresh, { recursive: true, force: true }));

  for (const folder of PEER_GENERATED_FOLDERS) {
    test(`${folder} matches a fresh npm run generate:peers (run it and commit if this fails)`, (t) => {
      // Other versions of the generators write different (equally valid) code: compare only like with like.
      const [committedTools, freshTools] = [REPO_ROOT, fresh].map((root) => readFileSync(join(root, TOOLCHAIN_FILE), 'utf8'));
      if (committedTools !== freshTools) {
        t.skip(`committed code comes from other generator versions (${TOOLCHAIN_FILE}); not compared`);
        return;
      }
      // Python caches compiled modules in __pycache__ (git ignores it); that is not generated code.
      const generatedFiles = (root?: string) => filesUnder(folder, root).filter((path) => !path.includes('__pycache__'));
      const committed = generatedFiles();
      assert.deepEqual(committed, generatedFiles(fresh), 'the same files');
      for (const file of committed) {
        assert.equal(
          readFileSync(join(REPO_ROOT, folder, file), 'utf8'),
          readFileSync(join(fresh, folder, file), 'utf8'),
          `${folder}/${file} differs from what protos/ generates`,
        );
      }
    });
  }
});
