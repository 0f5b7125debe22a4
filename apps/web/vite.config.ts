// The web app's build. `npm run dev -w apps/web` proxies the API to a server on :3000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    // bench/web.ts reads the manifest to know which chunks a page loads.
    manifest: true,
  },
  server: {
    proxy: { '/api': process.env.TYNDAU_API ?? 'http://localhost:3000' },
  },
});
