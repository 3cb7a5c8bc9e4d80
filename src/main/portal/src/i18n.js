// Portal strings in English and Spanish (messages/*.json); the language comes from a saved choice, else the
// browser's languages. Form labels are translated on the server (forms/i18n/<lang>.json, next to the forms).
import en from './messages/en.json';
import es from './messages/es.json';

const catalogs = { en, es };
export const languages = ['en', 'es'];
let current = 'en';

export function initLanguage() {
  const saved = localStorage.getItem('mmp.lang');
  if (languages.includes(saved)) {
    current = saved;
  } else {
    const browser = (navigator.languages || [navigator.language || 'en']).map(l => l.slice(0, 2).toLowerCase());
    current = browser.find(l => languages.includes(l)) || 'en';
  }
  document.documentElement.lang = current;
  return current;
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!languages.includes(lang)) return;
  current = lang;
  localStorage.setItem('mmp.lang', lang);
  document.documentElement.lang = lang;
}

/** The string for key in the current language (English when missing), with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = catalogs[current][key] ?? catalogs.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

export function formatDate(value) {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00') : new Date(value);
  return new Intl.DateTimeFormat(current === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long' }).format(date);
}

/** Applies data-i18n (text) and data-i18n-attr ("attr:key") to the static page shell. */
export function translateShell(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach(el => {
    const [attr, key] = el.dataset.i18nAttr.split(':');
    el.setAttribute(attr, t(key));
  });
}
