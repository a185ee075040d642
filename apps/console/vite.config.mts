import { defineConfig } from 'vite';

/** Served by the ingress under /console/, next to the admin API it calls (same origin). */
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
