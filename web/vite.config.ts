import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on :3000 in development (`npm run up`); `npm run dev -w web` proxies it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
