import { defineConfig } from 'vite';

// Relative base: the built folder works from any path of any static server.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
