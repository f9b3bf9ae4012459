// pdf.js's CMaps (for PDFs whose Chinese fonts are not embedded) and standard font data, served by
// the app itself at `pdfjs/cmaps/` and `pdfjs/standard_fonts/`: emitted into the build, served from
// node_modules by the dev server. The report worker asks for them under the page's own base, so a
// PDF never makes the app reach beyond its origin (no CDN, as pdf.js's defaults would).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The folder under the app's base that holds them (the page passes `<base>pdfjs/` to the worker). */
export const PDFJS_ASSETS = 'pdfjs';
const FOLDERS = ['cmaps', 'standard_fonts'] as const;

function pdfjsRoot(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsAssets(): Plugin {
  const root = pdfjsRoot();
  return {
    name: 'pdfjs-assets',
    generateBundle() {
      for (const folder of FOLDERS) {
        for (const name of readdirSync(path.join(root, folder))) {
          this.emitFile({
            type: 'asset',
            fileName: `${PDFJS_ASSETS}/${folder}/${name}`,
            source: readFileSync(path.join(root, folder, name)),
          });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/pdfjs\/(cmaps|standard_fonts)\/([A-Za-z0-9._-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
        if (!m) return next();
        try {
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(readFileSync(path.join(root, m[1]!, m[2]!)));
        } catch {
          next();
        }
      });
    },
  };
}
