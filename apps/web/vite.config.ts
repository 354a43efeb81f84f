import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.PLASTICITY_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Read by bench/web-bundle.bench.ts to follow each page's chunks (entry, static imports, lazy route).
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
});
