import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { boardPreload } from './board-preload';
import { precompress } from './precompress';
import { startStageChunks } from './start-stages';

export default defineConfig({
  plugins: [react(), startStageChunks(import.meta.dirname), boardPreload(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? 3000}`, changeOrigin: false } },
  },
  // The manifest (dist/.vite/, never served: a dot folder) lets the bench list the files a route loads.
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800, manifest: true },
});
