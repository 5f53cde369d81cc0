/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative asset URLs: the built site works from any path (a sub-folder, an embed's host), with
  // no special headers (docs/EMBED.md).
  base: './',
  plugins: [svelte()],
  publicDir: 'static',
  worker: { format: 'es' },
  resolve: {
    // monaco-yaml's worker (through monaco-worker-manager) imports monaco-editor/esm/vs/…, which
    // Monaco 0.56+'s exports map turns into esm/vs/esm/vs/… (STACK.md §4, G2).
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
  },
  // In dev, pre-bundle the lazily loaded editor, so its first open does not reload the page (G5).
  optimizeDeps: {
    include: [
      'monaco-editor/editor',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/yaml/register',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fidelity/**/*.test.ts', 'tests/robustness/**/*.test.ts'],
    environment: 'node',
  },
});
