import './style.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { initLanguage, language, setLanguage, t, translateShell } from './i18n.js';
import * as session from './session.js';
import { esc, notice } from './dom.js';
import * as account from './pages/account.js';
import * as applications from './pages/applications.js';
import * as step from './pages/step.js';
import * as provider from './pages/provider.js';
import * as caregiver from './pages/caregiver.js';
import * as registrations from './pages/registrations.js';
import { appPath, pushPath } from './shared/router.js';

const BASE = '/portal/';

// path (after /portal/) -> page; signedIn: the page needs a session
const routes = [
  { pattern: /^$/, page: applications.home, signedIn: true },
  { pattern: /^sign-in$/, page: account.signIn },
  { pattern: /^activate$/, page: account.activate },
  { pattern: /^activation-link$/, page: account.resendActivation },
  { pattern: /^forgot-password$/, page: account.forgotPassword },
  { pattern: /^reset-password$/, page: account.resetPassword },
  { pattern: /^renew$/, page: applications.renew },
  { pattern: /^applications\/([A-Z0-9-]+)$/, page: applications.status, signedIn: true },
  { pattern: /^applications\/([A-Z0-9-]+)\/step$/, page: step.stepPage, signedIn: true },
  { pattern: /^applications\/([A-Z0-9-]+)\/review$/, page: step.reviewPage, signedIn: true },
  { pattern: /^applications\/([A-Z0-9-]+)\/caregiver$/, page: caregiver.caregiverPage, signedIn: true },
  { pattern: /^provider$/, page: provider.providerPage, signedIn: true },
  { pattern: /^registrations$/, page: registrations.overview, signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/address$/, page: registrations.changePage('address'), signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/name$/, page: registrations.changePage('name'), signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/dispensary$/, page: registrations.dispensaryPage, signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/caregiver$/, page: registrations.caregiverPage, signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/caregiver\/remove$/, page: registrations.removeCaregiverPage, signedIn: true },
  { pattern: /^registrations\/([A-Z0-9-]+)\/surrender$/, page: registrations.surrenderPage, signedIn: true }
];

let flash = null;

/** Goes to a portal path ('' = home); message: a notice shown once on the next page. */
export function navigate(path, message, replace = false) {
  flash = message || null;
  pushPath(BASE, path, replace);
  render();
}

async function render() {
  const main = document.getElementById('main');
  const path = appPath(BASE);
  const query = new URLSearchParams(location.search);
  const route = routes.find(r => r.pattern.test(path));
  updateHeader();
  if (route && route.signedIn && !session.current()) {
    navigate('sign-in?next=' + encodeURIComponent(path + location.search), flash, true);
    return;
  }
  const message = flash;
  flash = null;
  main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  let title;
  try {
    if (!route) {
      main.innerHTML = `<h1 tabindex="-1">${esc(t('notFoundTitle'))}</h1><p><a href="${BASE}" data-link>${esc(t('home'))}</a></p>`;
      title = t('notFoundTitle');
    } else {
      const params = path.match(route.pattern).slice(1);
      title = await route.page({ main, params, query, navigate, session });
    }
  } catch (error) {
    main.innerHTML = `<h1 tabindex="-1">${esc(t('errorTitle'))}</h1>${notice('error', error.message && error.status !== 0 ? error.message : t('networkError'))}
      <p><a href="${BASE}" data-link>${esc(t('home'))}</a></p>`;
    title = t('errorTitle');
  }
  if (message) {
    const heading = main.querySelector('h1');
    const box = document.createElement('div');
    box.innerHTML = notice(message.kind || 'success', message.text);
    heading ? heading.after(box.firstElementChild) : main.prepend(box.firstElementChild);
  }
  document.title = `${title} - ${t('siteTitleShort')}`;
  const focusTarget = main.querySelector('.error-summary') || main.querySelector('h1');
  if (focusTarget && !main.contains(document.activeElement)) {
    if (!focusTarget.hasAttribute('tabindex')) focusTarget.setAttribute('tabindex', '-1');
    focusTarget.focus();
  }
}

function updateHeader() {
  translateShell();
  const user = session.current();
  const signedIn = document.getElementById('signed-in-as');
  signedIn.textContent = user ? t('signedInAs', { name: user.displayName || user.email }) : '';
  document.getElementById('sign-out').hidden = !user;
  const other = language() === 'en' ? 'es' : 'en';
  const switcher = document.getElementById('language-switch');
  switcher.textContent = other === 'es' ? 'Español' : 'English';
  switcher.setAttribute('lang', other);
  switcher.setAttribute('aria-label', other === 'es' ? 'Ver en español' : 'View in English');
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || link.target) return;
  event.preventDefault();
  navigate(link.getAttribute('href').replace(BASE, ''));
});

window.addEventListener('popstate', () => render());

document.getElementById('language-switch').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'es' : 'en');
  render();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await session.signOut().catch(() => {});
  navigate('sign-in', { kind: 'success', text: t('signedOut') });
});

session.whenEnded(reason => {
  navigate('sign-in', { kind: reason === 'expired' ? 'warning' : 'success', text: t(reason === 'expired' ? 'signedOutInactive' : 'signedOut') });
});

initLanguage();
session.initDialog();
session.load().catch(() => null).then(render);
