import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the gateway (port 4000) serves the API; proxying keeps the UI same-origin, so the
// HttpOnly session cookie and Apollo's CSRF checks behave as they do in production.
const gateway = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  // Roles and enums come from the shared domain package's TypeScript source (it has no I/O), so the
  // UI and the services cannot disagree about them.
  resolve: { alias: { '@cpss/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)) } },
  server: {
    proxy: {
      '/graphql': gateway,
      '/auth': gateway,
      '/health': gateway,
      '/export': gateway,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
