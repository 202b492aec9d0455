// Finds the workbook's test files. Node 20's `node --test` does not search for
// .ts files by itself, so we list them and pass them on.
import { join, relative, sep } from 'node:path';
import { filesUnder } from '../shared/repo-files.ts';

function testFilesUnder(folder: string): string[] {
  return filesUnder(folder)
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => join(folder, path));
}

const isExerciseTest = (path: string) => path.split(sep).includes('exercises');

/** The workbook's own tests: everything except the exercises, which check the learner's code. */
export function workbookTestFiles(): string[] {
  return [...testFilesUnder('generated'), ...testFilesUnder('chapters')].filter((path) => !isExerciseTest(path));
}

/** The exercise tests of every chapter, or of the chapter whose folder starts with `chapterPrefix` ("02"). */
export function exerciseTestFiles(chapterPrefix = ''): string[] {
  return testFilesUnder('chapters').filter(
    (path) => isExerciseTest(path) && relative('chapters', path).startsWith(chapterPrefix),
  );
}
