import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (Node and happy-dom, fast) and `e2e` (the built extension in real
 * Chromium and Firefox ESR; run after `npm run build`).
 */
export default defineConfig({
  // Vite 8 transforms with oxc (the esbuild option is ignored there, with a warning).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
