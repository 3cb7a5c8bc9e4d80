// The portal's one way to the server: JSON, the session cookie, the CSRF header from the MMP-XSRF-TOKEN cookie on
// every write, and the chosen language (Accept-Language) so that forms and messages come back in it.
import { language } from './i18n.js';
import { ApiError, createClient } from './shared/http.js';

export { ApiError };

const client = createClient({
  base: '/api',
  csrfCookie: 'MMP-XSRF-TOKEN',
  csrfHeader: 'X-MMP-XSRF-TOKEN',
  extraHeaders: () => ({ 'Accept-Language': language() })
});

export const { api, upload, onResponse, csrfToken, headers } = client;
