import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { pdfjsAssets } from './scripts/pdfjsAssets';

/**
 * The Content-Security-Policy of the built app: scripts, workers and connections from its own
 * origin only (a closed intranet, and no injected script ever runs; blob: is what the page itself made), images from itself and the
 * data:/blob: URLs of chart downloads. Inline styles stay allowed: ECharts styles its tooltips
 * with style attributes. Only in the build: the dev server injects its own client.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Right after the charset, before anything the policy governs.
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta charset="UTF-8" \/>)/,
        `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

// Relative base so the built app works as static files under any path on any web server.
export default defineConfig({
  base: './',
  plugins: [vue(), contentSecurityPolicy(), pdfjsAssets()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
