import { defineConfig } from 'vite';

// Built by Maven (exec-maven-plugin, generate-resources) into the jar's static/portal/, served at /portal/.
export default defineConfig({
  base: '/portal/',
  build: {
    outDir: '../../../target/classes/static/portal',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500
  }
});
