import { defineConfig } from 'vite';

// Built by Maven (exec-maven-plugin, generate-resources) into the jar's static/portal/, served at /portal/.
export default defineConfig({
  base: '/portal/',
  // `npm run dev` with the app running on :8080 (mvn spring-boot:run): the API calls go to it
  server: {
    proxy: { '/api': 'http://localhost:8080' }
  },
  build: {
    outDir: '../../../target/classes/static/portal',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500
  }
});
