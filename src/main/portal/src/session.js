// The signed-in user, and the session-timeout warning (WCAG 2.2.1): a modal dialog before the session ends that
// lets the user stay signed in (POST /api/session/extend). Every answer from the server restarts the clock, as
// every request restarts the server's idle timeout.
import { api, onResponse, ApiError } from './api.js';
import { t } from './i18n.js';

let session = null;
let expiresAt = 0;
let warnTimer = null;
let tick = null;
let lastFocus = null;
let onEnded = () => {};

export function current() {
  return session;
}

export function whenEnded(handler) {
  onEnded = handler;
}

export async function load() {
  try {
    session = await api('GET', '/session');
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    session = null;
  }
  schedule();
  return session;
}

export async function signIn(email, password) {
  session = await api('POST', '/session', { email, password });
  schedule();
  return session;
}

export async function signOut() {
  try {
    await api('DELETE', '/session');
  } finally {
    session = null;
    schedule();
  }
}

export async function extend() {
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
  return minutes > 0 ? t('minutesSeconds', { minutes, seconds: seconds % 60 }) : t('seconds', { seconds });
}

function openDialog() {
  const d = dialog();
  if (!session || d.open) return;
  lastFocus = document.activeElement;
  const text = document.getElementById('timeout-text');
  const update = () => {
    text.textContent = t('timeoutText', { time: remaining() });
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

export function initDialog() {
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
