// The lessons may only quote code that runs: every TypeScript or protobuf
// fragment in docs/ must stand, line for line, in the code it came from.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { chapterFolders, filesUnder, REPO_ROOT } from '../shared/repo-files.ts';
import { EXERCISES } from './exercise-manifest.ts';

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

/** A lesson's "## Exercises" section, up to the next "## " heading. */
function exercisesSection(markdown: string): string {
  const start = markdown.indexOf('\n## Exercises\n');
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Whitespace-insensitive: the lesson wraps and indents the hint inside a list item. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

test('every lesson with exercises says how to check them and shows each hint as the manifest has it', () => {
  for (const chapter of chapterFolders()) {
    const exercises = EXERCISES.filter((exercise) => exercise.chapter === chapter);
    if (exercises.length === 0) continue;
    const section = exercisesSection(readFileSync(join(REPO_ROOT, 'docs', `${chapter}.md`), 'utf8'));
    assert.ok(section.includes('npm run learn'), `docs/${chapter}.md: the Exercises section mentions npm run learn`);
    assert.ok(section.includes(`npm run exercises -- ${chapter.slice(0, 2)}`), `docs/${chapter}.md`);
    for (const exercise of exercises) {
      assert.ok(words(section).includes(words(exercise.hint)), `docs/${chapter}.md: the hint for ${exercise.id} differs from chapters/workbook/exercise-manifest.ts`);
    }
  }
});

test('the README starts with the two set-up commands', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const firstBlock = fences(readme)[0]?.body ?? '';
  assert.match(firstBlock, /npm install\nnpm test\n/);
});
