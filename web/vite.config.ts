import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
const govukAssets = join(webRoot, '..', 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets');
// Where `npm start` (or the e2e stack) serves the API during `vite` development.
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/**
 * The web UI: a single-page app the local gateway serves from `web/dist` (and
 * any static host in AWS). govuk-frontend's compiled CSS names its fonts and
 * images as `/assets/fonts/…` and `/assets/images/…`; the alias points those
 * at the package, so Vite copies them into the build with hashed names.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}/$1/` }],
  },
  build: {
    outDir: join(webRoot, 'dist'),
    emptyOutDir: true,
    // The fonts are ~50 KB each: keep them as files, not data URLs inside the CSS.
    assetsInlineLimit: 0,
    // govuk-frontend's CSS comes minified, and still carries old-IE `@media screen\0` hacks that
    // both lightningcss and esbuild complain about; app.css is a few hundred bytes.
    cssMinify: false,
    chunkSizeWarningLimit: 1000,
    // Rolldown reports slow plugins; govuk-frontend's large stylesheet is always "slow" (a second or two).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: { '/v1': apiTarget, '/local': apiTarget },
  },
});
