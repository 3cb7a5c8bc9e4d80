// The applicant's path through a case, for the step indicator: the user tasks of the process (by task definition
// key) plus the portal's review page before the attestations are signed. The payment step is there only when a fee
// applies.
import { t } from './i18n.js';
import { esc } from './dom.js';

const PATHS = {
  initial: ['Task_ConfirmProfile', 'Task_ChooseDispensary', 'Task_ChooseDocumentTypes', 'Task_UploadDocuments', 'review', 'Task_SignAttestations', 'Task_EnterPayment'],
  renewal: ['Task_ConfirmProfile', 'Task_ChooseDocumentTypes', 'Task_UploadDocuments', 'review', 'Task_SignAttestations', 'Task_EnterPayment']
};

export function pathOf(kind) {
  return PATHS[kind] || PATHS.initial;
}

export function isOnPath(kind, step) {
  return pathOf(kind).includes(step);
}

/** "Step 3 of 7" and the ordered list, the current step marked with aria-current="step". */
export function indicator(kind, step) {
  const path = pathOf(kind);
  const index = path.indexOf(step);
  if (index < 0) return '';
  const items = path.map((key, i) => {
    const state = i < index ? 'done' : i === index ? 'current' : 'todo';
    const label = t('step_' + key);
    const status = state === 'done' ? ` <span class="visually-hidden">(${esc(t('stepDone'))})</span>` : '';
    return `<li class="steps__item steps__item--${state}"${state === 'current' ? ' aria-current="step"' : ''}>${esc(label)}${status}</li>`;
  }).join('');
  return `<nav class="steps" aria-label="${esc(t('progress'))}">
    <p class="steps__count">${esc(t('stepOf', { n: index + 1, total: path.length }))}</p>
    <ol class="steps__list">${items}</ol></nav>`;
}
