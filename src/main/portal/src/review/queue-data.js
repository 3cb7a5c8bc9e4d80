// What the queue and the case screen share: the user's views (asked once), their counts, and where each view's
// paging stands (keyset: the cursors of the pages before, kept here so that a return from a case finds its page).
import { api } from './client.js';
import { esc } from '../shared/dom.js';
import { formatNumber } from './format.js';

let views = null;
let counts = {};
const pagers = {};

export async function loadViews() {
  if (!views) views = await api('GET', '/queue/views');
  return views;
}

export function viewLabel(id) {
  const view = (views || []).find(v => v.id === id);
  return view ? view.label : id;
}

export async function loadCounts() {
  counts = await api('GET', '/queue/counts');
  return counts;
}

export function count(id) {
  return counts[id];
}

const NOUN = { waiting: ['case', 'cases'], escalations: ['escalation', 'escalations'] };

/** "12", "1,000+" and, for screen readers, what is counted. */
export function countHtml(id) {
  const c = counts[id];
  if (!c) return '';
  const text = c.capped ? formatNumber(c.count) + '+' : formatNumber(c.count);
  return `<span class="visually-hidden">, </span><span class="count">${esc(text)}<span class="visually-hidden"> ${(NOUN[id] || ['review', 'reviews'])[c.count === 1 && !c.capped ? 0 : 1]}</span></span>`;
}

/** The cursors of the pages of a view: stack[i] is the `after` of page i (null for the first). */
export function pager(view) {
  if (!pagers[view]) pagers[view] = { stack: [null] };
  return pagers[view];
}

export function resetPager(view) {
  pagers[view] = { stack: [null] };
  return pagers[view];
}

export function forget() {
  views = null;
  counts = {};
  Object.keys(pagers).forEach(key => delete pagers[key]);
}
