/** Build and test configuration: one Vite config serves `npm start`, the build and Vitest. */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset paths let one build work from any static host path, an LMS zip or a file.
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
