// The signed-in user, and the session-timeout warning (WCAG 2.2.1): a modal dialog before the session ends that
// lets the user stay signed in (POST <base>/session/extend). Every answer from the server restarts the clock, as
// every request restarts the server's idle timeout. Shared by the portal and the reviewer workspace; each page has
// the dialog in its HTML (#timeout-dialog, #timeout-text, #timeout-extend, #timeout-sign-out).
import { ApiError } from './http.js';

/**
 * client: from createClient; text(key, params): the page's words for timeoutText, minutesSeconds, seconds;
 * credentials(name, password): the body of POST /session.
 */
export function createSession({ client, text, credentials }) {
  const { api, onResponse } = client;
  let session = null;
  let expiresAt = 0;
  let warnTimer = null;
  let tick = null;
  let lastFocus = null;
  let onEnded = () => {};

  function current() {
    return session;
  }

  function whenEnded(handler) {
    onEnded = handler;
  }

  async function load() {
    try {
      session = await api('GET', '/session');
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
      session = null;
    }
    schedule();
    return session;
  }

  async function signIn(name, password) {
    session = await api('POST', '/session', credentials(name, password));
    schedule();
    return session;
  }

  async function signOut() {
    try {
      await api('DELETE', '/session');
    } finally {
      session = null;
      schedule();
    }
  }

  async function extend() {
    session = await api('POST', '/session/extend');
    schedule();
  }

  function warnBeforeMs() {
    return Math.min(120, session.timeoutSeconds / 2) * 1000;
  }

  function schedule() {
    clearTimeout(warnTimer);
    if (!session) {
      closeDialog();
      return;
    }
    expiresAt = Date.now() + session.timeoutSeconds * 1000;
    warnTimer = setTimeout(openDialog, Math.max(0, expiresAt - Date.now() - warnBeforeMs()));
  }

  onResponse((status, path) => {
    if (!session) return;
    if (status === 401 && !path.startsWith('/session')) {
      session = null;
      schedule();
      onEnded('expired');
      return;
    }
    if (status < 500 && !dialog().open) schedule();
  });

  function dialog() {
    return document.getElementById('timeout-dialog');
  }

  function remaining() {
    const seconds = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? text('minutesSeconds', { minutes, seconds: seconds % 60 }) : text('seconds', { seconds });
  }

  function openDialog() {
    const d = dialog();
    if (!session || d.open) return;
    lastFocus = document.activeElement;
    const paragraph = document.getElementById('timeout-text');
    const update = () => {
      paragraph.textContent = text('timeoutText', { time: remaining() });
      if (Date.now() >= expiresAt) expire();
    };
    update();
    d.showModal();
    document.getElementById('timeout-extend').focus();
    tick = setInterval(update, 1000);
  }

  function closeDialog() {
    clearInterval(tick);
    const d = dialog();
    if (d.open) {
      d.close();
      if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
    }
  }

  function expire() {
    closeDialog();
    session = null;
    clearTimeout(warnTimer);
    onEnded('expired');
  }

  function initDialog() {
    const d = dialog();
    document.getElementById('timeout-extend').addEventListener('click', async () => {
      try {
        await extend();
        closeDialog();
      } catch {
        expire();
      }
    });
    document.getElementById('timeout-sign-out').addEventListener('click', async () => {
      closeDialog();
      await signOut().catch(() => {});
      onEnded('signedOut');
    });
    // Escape keeps the user signed in: closing the warning must never end their work
    d.addEventListener('cancel', event => {
      event.preventDefault();
      document.getElementById('timeout-extend').click();
    });
  }

  return { current, whenEnded, load, signIn, signOut, extend, initDialog };
}
