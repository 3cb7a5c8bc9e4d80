// The reviewer workspace (/review/): a queue of the group's reviews and a case screen with the documents next to the
// facts and the review task's Camunda Form. Client-side routes (History API; the server answers every /review/...
// path with this page): '' and queue/{view}, cases/{applicationNumber}?view=&cursor=, registrations/{number},
// sign-in?next=. The header's "Find a registration" opens a registration's page.
import '../style.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './review.css';
import { esc, announce } from '../shared/dom.js';
import { session } from './client.js';
import { forget } from './queue-data.js';
import { signInPage } from './pages/sign-in.js';
import { queuePage } from './pages/queue.js';
import { casePage } from './pages/case.js';
import { registrationPage, normaliseNumber, registrationPath } from './pages/registration.js';
import { appPath, pushPath } from '../shared/router.js';

const BASE = '/review/';
const TITLE = 'DCP reviewer workspace';

const routes = [
  { pattern: /^$/, page: queuePage, signedIn: true },
  { pattern: /^queue\/([a-z0-9-]+)$/, page: queuePage, signedIn: true },
  { pattern: /^cases\/([A-Za-z0-9-]+)$/, page: casePage, signedIn: true },
  { pattern: /^registrations\/([^/]+)$/, page: registrationPage, signedIn: true },
  { pattern: /^sign-in$/, page: signInPage }
];

// what the next page is told once: a notice, and how it was reached (returning from a case, open next)
let pending = {};
let generation = 0;
let cleanups = [];

/**
 * Goes to a workspace path ('' = the queue). options: flash {kind, text} (a notice on the next page), replace,
 * returnFrom (the application number of the case left), autoClaim (claim an unassigned review when it opens).
 */
export function navigate(path, options = {}) {
  pending = options;
  pushPath(BASE, path, options.replace);
  render();
}

async function render() {
  const main = document.getElementById('main');
  const path = appPath(BASE);
  const query = new URLSearchParams(location.search);
  const route = routes.find(r => r.pattern.test(path));
  const options = pending;
  pending = {};
  const mine = ++generation;
  cleanups.splice(0).forEach(cleanup => { try { cleanup(); } catch { /* a page's leftovers */ } });
  updateHeader();
  if (route && route.signedIn && !session.current()) {
    navigate('sign-in?next=' + encodeURIComponent(path + location.search), { ...options, replace: true });
    return;
  }
  document.body.dataset.page = '';
  main.className = '';
  main.setAttribute('aria-busy', 'true');
  main.innerHTML = '<p class="loading">Loading…</p>';
  let result = {};
  try {
    if (!route) {
      main.innerHTML = `<div class="ws-narrow"><h1 tabindex="-1">Page not found</h1><p><a href="${BASE}" data-link>Go to the queue</a></p></div>`;
      result = { title: 'Page not found' };
    } else {
      const params = path.match(route.pattern).slice(1);
      result = await route.page({
        main, params, query, options, navigate, session,
        alive: () => mine === generation,
        onLeave: cleanup => cleanups.push(cleanup)
      }) || {};
    }
  } catch (error) {
    if (mine !== generation) return;
    if (error && error.status === 401) return; // the session ended; the sign-in page is on its way
    main.className = '';
    main.innerHTML = `<div class="ws-narrow"><h1 tabindex="-1">Something went wrong</h1>
      <div class="notice notice--error">${esc(error && error.status ? error.message : 'We could not reach the server. Check the connection and try again.')}</div>
      <p><a href="${BASE}" data-link>Go to the queue</a></p></div>`;
    result = { title: 'Something went wrong' };
  }
  if (mine !== generation) return;
  main.removeAttribute('aria-busy');
  if (options.flash && !result.flashShown) {
    const box = document.createElement('div');
    box.className = `notice notice--${options.flash.kind || 'success'}`;
    box.id = 'flash-notice';
    box.dataset.testid = 'notice';
    box.textContent = options.flash.text;
    const slot = main.querySelector('#flash');
    const heading = main.querySelector('h1');
    if (slot) slot.appendChild(box); else if (heading) heading.after(box); else main.prepend(box);
  }
  document.title = result.title ? `${result.title} - ${TITLE}` : TITLE;
  const target = result.focus || main.querySelector('.error-summary') || main.querySelector('h1');
  if (target && !(result.keepFocus && main.contains(document.activeElement))) {
    if (!target.hasAttribute('tabindex') && !target.matches('a[href], button, input, select, textarea')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
  if (options.flash) announce(options.flash.text);
}

function updateHeader() {
  const user = session.current();
  document.getElementById('signed-in-as').textContent = user ? `Signed in as ${user.name || user.id}` : '';
  document.getElementById('sign-out').hidden = !user;
  document.getElementById('find-registration').hidden = !user;
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0 || link.target) return;
  event.preventDefault();
  navigate(link.getAttribute('href').replace(BASE, ''), link.dataset.returnFrom ? { returnFrom: link.dataset.returnFrom } : {});
});

window.addEventListener('popstate', () => render());

// "Find a registration": the number as people type it (lower case, spaces, no dashes); a number that cannot be one
// gets the registration page's "not a registration number" with the field to correct it
document.getElementById('find-registration').addEventListener('submit', event => {
  event.preventDefault();
  const input = document.getElementById('find-registration-number');
  const typed = input.value.trim();
  if (!typed) {
    input.focus();
    announce('Enter a registration number, such as MMP-AB2C-3DE4.');
    return;
  }
  input.value = '';
  navigate(registrationPath(normaliseNumber(typed) || typed));
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await session.signOut().catch(() => {});
  forget();
  navigate('sign-in', { flash: { kind: 'success', text: 'You are signed out.' } });
});

session.whenEnded(reason => {
  forget();
  const path = appPath(BASE);
  const next = path && path !== 'sign-in' ? '?next=' + encodeURIComponent(path + location.search) : '';
  navigate('sign-in' + next, {
    replace: true,
    flash: reason === 'expired'
      ? { kind: 'warning', text: 'You were signed out after a period of inactivity. Sign in again to continue.' }
      : { kind: 'success', text: 'You are signed out.' }
  });
});

session.initDialog();
session.load().catch(() => null).then(render);
