// The page: index.html, and page.ts bundled for the browser by
// esbuild when the server starts (about a tenth of a second), so there is no
// build step and no bundle to commit. The bundle holds Connect's web
// transports, the protobuf-es runtime and the generated descriptors.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

export interface PageFile {
  contentType: string;
  text: string;
}

export interface PageFiles {
  html: PageFile;
  script: PageFile;
}

const PAGE_FOLDER = new URL('./', import.meta.url);

export async function pageFiles(): Promise<PageFiles> {
  const bundled = await build({
    entryPoints: [new URL('page.ts', PAGE_FOLDER).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return {
    html: { contentType: 'text/html; charset=utf-8', text: readFileSync(new URL('index.html', PAGE_FOLDER), 'utf8') },
    script: { contentType: 'text/javascript; charset=utf-8', text: bundled.outputFiles[0]!.text },
  };
}
