// Builds the lower-bounds page (scripts/bench/lower/) on its own, so that PapaParse, uDSV and
// DuckDB-WASM are timed in the same browser as the app without entering the app's bundle.
// DuckDB's worker and wasm files are emitted as assets and served from the same origin (no CDN).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export const LOWER_ROOT = fileURLToPath(new URL('./lower/', import.meta.url));
export const LOWER_DIST = fileURLToPath(new URL('../../bench-results/lower-dist/', import.meta.url));

export default defineConfig({
  root: LOWER_ROOT,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: LOWER_DIST,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 50_000,
  },
});
