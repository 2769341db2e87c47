import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the Vite server proxies the API and the socket to the Node server (npm run dev:server).
const server = process.env.CIRCLEWISE_DEV_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // No source map unless asked for (CIRCLEWISE_SOURCE_MAPS=on, which also has the server serve it).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: /^(on|true)$/i.test(process.env.CIRCLEWISE_SOURCE_MAPS ?? ''),
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
