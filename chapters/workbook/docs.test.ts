// The lessons may only quote code that runs: every TypeScript or protobuf
// fragment in docs/ must stand, line for line, in the code it came from.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chapterFolders, filesUnder, REPO_ROOT } from '../shared/repo-files.ts';
import { exerciseTestFiles } from './test-files.ts';

const SOURCE_EXTENSIONS: Record<string, string> = { ts: '.ts', protobuf: '.proto' };

function filesWithExtension(folder: string, extension: string): string[] {
  return filesUnder(folder)
    .filter((path) => path.endsWith(extension))
    .map((path) => join(REPO_ROOT, folder, path));
}

const sources: Record<string, string[]> = {
  '.ts': [...filesWithExtension('chapters', '.ts'), ...filesWithExtension('generated', '.ts')].map((path) => readFileSync(path, 'utf8')),
  '.proto': filesWithExtension('protos', '.proto').map((path) => readFileSync(path, 'utf8')),
};

const lessons = readdirSync(join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort();

function fences(markdown: string): { language: string; body: string }[] {
  return [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], body: match[2] }));
}

for (const lesson of lessons) {
  describe(`docs/${lesson}`, () => {
    const markdown = readFileSync(join(REPO_ROOT, 'docs', lesson), 'utf8');
    const quoted = fences(markdown).filter(({ language }) => language in SOURCE_EXTENSIONS);

    test('every code fragment is quoted from the running code', () => {
      assert.ok(quoted.length > 0, 'a lesson shows its code');
      for (const { language, body } of quoted) {
        const found = sources[SOURCE_EXTENSIONS[language]].some((source) => source.includes(body));
        assert.ok(found, `this ${language} fragment is not in any ${SOURCE_EXTENSIONS[language]} file:\n${body}`);
      }
    });
  });
}

test('every chapter has a lesson, listed in the README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  for (const chapter of chapterFolders()) {
    assert.ok(lessons.includes(`${chapter}.md`), `docs/${chapter}.md is missing`);
    assert.ok(readme.includes(`docs/${chapter}.md`), `README.md does not link docs/${chapter}.md`);
    assert.ok(readme.includes(`chapters/${chapter}`), `README.md does not say how to run chapters/${chapter}`);
  }
});

test('every lesson with exercises prints the command that checks them', () => {
  for (const chapter of chapterFolders()) {
    if (exerciseTestFiles(chapter.slice(0, 2)).length === 0) continue;
    const lesson = readFileSync(join(REPO_ROOT, 'docs', `${chapter}.md`), 'utf8');
    assert.ok(lesson.includes(`npm run exercises -- ${chapter.slice(0, 2)}`), `docs/${chapter}.md`);
  }
});

test('the README starts with the two set-up commands', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const firstBlock = fences(readme)[0]?.body ?? '';
  assert.match(firstBlock, /npm install\nnpm test\n/);
});
