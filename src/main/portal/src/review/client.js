// The workspace's one way to the server (/review/api, CSRF cookie MMP-STAFF-XSRF sent back as X-MMP-STAFF-XSRF) and
// its session with the same timeout warning as the portal's.
import { createClient } from '../shared/http.js';
import { createSession } from '../shared/session.js';

export { ApiError } from '../shared/http.js';

export const client = createClient({ base: '/review/api', csrfCookie: 'MMP-STAFF-XSRF', csrfHeader: 'X-MMP-STAFF-XSRF' });
export const { api, blob } = client;

const TEXTS = {
  timeoutText: 'For your security you will be signed out in {time}. Choose "Stay signed in" to keep working.',
  minutesSeconds: '{minutes} min {seconds} s',
  seconds: '{seconds} seconds'
};

function text(key, params = {}) {
  return (TEXTS[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

export const session = createSession({ client, text, credentials: (username, password) => ({ username, password }) });
