import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by Strapi under /panel (cms/src/middlewares/panel.ts); the dev server proxies the API.
export default defineConfig({
  base: '/panel/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:1337' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
