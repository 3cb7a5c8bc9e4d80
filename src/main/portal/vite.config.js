import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Two pages built by Maven (exec-maven-plugin, generate-resources) into the jar's static/: the patient portal
// (static/portal/index.html, served at /portal/) and the reviewer workspace (static/review/index.html, at /review/).
// Their scripts, styles and shared chunks (form-js) go to static/assets/, served at /assets/.
const pages = { portal: 'portal/index.html', review: 'review/index.html' };

// `npm run dev`: a deep link (/portal/applications/..., /review/cases/...) gets its page, as the server does
function deepLinks() {
  return {
    name: 'mmp-deep-links',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url || '').split('?')[0];
        const page = Object.keys(pages).find(name => path === '/' + name || path.startsWith('/' + name + '/'));
        if (page && !path.startsWith('/review/api/') && !path.slice(1).includes('.')) {
          request.url = '/' + pages[page];
        }
        next();
      });
    }
  };
}

export default defineConfig({
  base: '/',
  appType: 'mpa',
  plugins: [deepLinks()],
  // `npm run dev` with the app running on :8080 (mvn spring-boot:run): the API calls go to it
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/review/api': 'http://localhost:8080'
    }
  },
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(fileURLToPath(new URL('.', import.meta.url)), file)])),
      // what both pages use in chunks of their own: the libraries (form-js-<hash>.js/.css) and the project's shared
      // modules and base style (shared-<hash>.js/.css)
      output: {
        manualChunks: id => (id.includes('/node_modules/') ? 'form-js'
          : id.includes('/src/shared/') || id.endsWith('/src/style.css') ? 'shared' : undefined)
      }
    }
  }
});
