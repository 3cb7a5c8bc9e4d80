// The applicant's home (their applications), the status page of one application, and the renewal page the expiry
// reminders link to.
import { api, ApiError } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { esc, notice } from '../dom.js';
import { indicator, isOnPath } from '../steps.js';

const RENEWAL_OPENS_DAYS = 30;

export async function home({ main, navigate, session }) {
  if (session.current().role === 'PROVIDER') {
    navigate('provider', null, true);
    return t('providerTitle');
  }
  // the registrations the person holds: a way to "My registration" (changes, dispensary, caregiver, surrender);
  // the applications list stands on its own when that call fails
  const [list, held] = await Promise.all([
    api('GET', '/applications'),
    api('GET', '/registrations').catch(() => [])
  ]);
  main.innerHTML = `<h1 tabindex="-1">${esc(t('homeTitle'))}</h1>
    ${Array.isArray(held) && held.length ? myRegistrationPanel(held) : ''}
    ${list.length === 0 ? `<p>${esc(t('noApplications'))}</p>` : `<ul class="cards">${list.map(a => `
      <li class="card">
        <h2><a href="/portal/applications/${esc(a.applicationNumber)}" data-link>${esc(t('kind_' + a.kind))} ${esc(a.applicationNumber)}</a></h2>
        <p><span class="badge badge--${esc(a.status)}">${esc(t('status_' + a.status))}</span></p>
        ${a.currentStep ? `<p>${esc(t('nextStep'))}: ${esc(t('step_' + a.currentStep.step, {}) === 'step_' + a.currentStep.step ? a.currentStep.name : t('step_' + a.currentStep.step))}</p>` : ''}
      </li>`).join('')}</ul>`}`;
  return t('homeTitle');
}

function myRegistrationPanel(held) {
  return `<section class="panel panel--success" aria-labelledby="my-registration-title">
      <h2 id="my-registration-title">${esc(t('myRegistrationTitle'))}</h2>
      <ul class="links">${held.map(r => `<li>${esc(t('registrationOf_' + r.role, { number: r.registrationNumber }))}:
        ${esc(t('standing_' + r.standing))}${r.pendingChange ? `, ${esc(t('changeKindInReview', { change: t('changeKind_' + r.pendingChange.kind) }))}` : ''}</li>`).join('')}</ul>
      <p><a class="button" href="/portal/registrations" data-link id="my-registration">${esc(t('myRegistrationLink'))}</a></p>
    </section>`;
}

function daysUntil(date) {
  const end = new Date(date + 'T00:00:00');
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return Math.round((end - today) / 86400000);
}

function certificateBlock(no, certificate) {
  const pdf = `/api/applications/${encodeURIComponent(no)}/certificate.pdf`;
  const days = daysUntil(certificate.expiresOn);
  const opens = new Date(certificate.expiresOn + 'T12:00:00');
  opens.setDate(opens.getDate() - RENEWAL_OPENS_DAYS);
  const renewal = days <= RENEWAL_OPENS_DAYS
    ? `<div class="panel panel--renewal"><h2>${esc(t('renewalOpenTitle'))}</h2><p>${esc(t('renewalOpenText', { date: formatDate(certificate.expiresOn) }))}</p></div>`
    : `<p>${esc(t('renewalLater', { date: formatDate(opens.toISOString().slice(0, 10)) }))}</p>`;
  return `<div class="panel panel--success">
      <h2>${esc(t('certificateTitle'))}</h2>
      <dl class="summary">
        <div><dt>${esc(t('registrationNumber'))}</dt><dd>${esc(certificate.registrationNumber)}</dd></div>
        <div><dt>${esc(t('validUntil'))}</dt><dd>${esc(formatDate(certificate.expiresOn))}</dd></div>
        <div><dt>${esc(t('dispensary'))}</dt><dd>${esc(certificate.dispensaryCode)}</dd></div>
      </dl>
      <p class="actions">
        <a class="button" href="${pdf}" download id="certificate-download">${esc(t('downloadCertificate'))}</a>
        <a class="button button--secondary" href="${pdf}" target="_blank" rel="noopener">${esc(t('printCertificate'))}<span class="visually-hidden"> (${esc(t('opensNewTab'))})</span></a>
      </p>
      <p><a href="/portal/registrations" data-link id="my-registration">${esc(t('myRegistrationLink'))}</a></p>
    </div>${renewal}`;
}

export async function status({ main, params, navigate }) {
  const [no] = params;
  const app = await api('GET', '/applications/' + encodeURIComponent(no));
  const step = app.currentStep;
  let body = '';
  let certificate = null;
  if (app.status === 'APPROVED' && app.kind !== 'change') {
    try {
      certificate = await api('GET', `/applications/${encodeURIComponent(no)}/certificate`);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
  }
  const myRegistrationLink = `<p><a href="/portal/registrations" data-link id="my-registration">${esc(t('myRegistrationLink'))}</a></p>`;
  const continueLink = step ? `<p><a class="button" id="continue" href="/portal/applications/${esc(no)}/step" data-link>${esc(t(app.status === 'INFORMATION_REQUESTED' ? 'answerRequest' : 'continueApplication'))}</a></p>` : '';
  switch (app.status) {
    case 'IN_PROGRESS':
      body = step
        ? `<p>${esc(t('inProgressText'))}</p><p>${esc(t('nextStep'))}: <strong>${esc(stepName(step))}</strong></p>${continueLink}`
        : `<p>${esc(t('processingText'))}</p><p><button type="button" class="button button--secondary" id="refresh">${esc(t('refresh'))}</button></p>`;
      break;
    case 'SUBMITTED':
      body = `<p>${esc(t('submittedText', { date: formatDate(app.submittedAt) }))}</p>
        ${app.expectedDecisionBy ? `<p><strong>${esc(t('expectedDecision', { date: formatDate(app.expectedDecisionBy) }))}</strong></p>` : ''}
        <h2>${esc(t('whatNext'))}</h2><p>${esc(t('submittedNext'))}</p>`;
      break;
    case 'INFORMATION_REQUESTED':
      body = `<p>${esc(t('infoRequestedText'))}</p>${continueLink}<p>${esc(t('infoRequestedClock'))}</p>`;
      break;
    case 'APPROVED':
      // a reported change: the registration's certificate is issued again (same number) and e-mailed
      body = app.kind === 'change' ? `<p>${esc(t('changeApprovedText'))}</p>${myRegistrationLink}`
        : `<p>${esc(t('approvedText'))}</p>${certificate ? certificateBlock(no, certificate) : `<p>${esc(t('certificateComing'))}</p>`}`;
      break;
    case 'DENIED':
      if (app.kind === 'change') {
        body = `<p>${esc(t('changeDeniedText'))}</p>${myRegistrationLink}`;
        break;
      }
      body = `<p>${esc(t('deniedText'))}</p>${app.denialReason ? `<p>${esc(t('denialReason'))}: ${esc(t('denial_' + app.denialReason) === 'denial_' + app.denialReason ? app.denialReason : t('denial_' + app.denialReason))}</p>` : ''}<p>${esc(t('deniedNext'))}</p>`;
      break;
    default:
      body = `<p>${esc(t('closedText'))}</p>`;
  }
  main.innerHTML = `<p><a href="/portal/" data-link>${esc(t('backToApplications'))}</a></p>
    <h1 tabindex="-1">${esc(t('kind_' + app.kind))} ${esc(no)}</h1>
    ${step && isOnPath(app.kind, step.step) ? indicator(app.kind, step.step) : ''}
    <p>${esc(t('statusLabel'))}: <span class="badge badge--${esc(app.status)}">${esc(t('status_' + app.status))}</span></p>
    ${body}
    ${app.role === 'patient' && app.kind === 'initial' && !['DENIED', 'CLOSED'].includes(app.status)
      ? `<p><a href="/portal/applications/${esc(no)}/caregiver" data-link id="caregiver-link">${esc(t('caregiverLink'))}</a></p>` : ''}`;
  const refresh = main.querySelector('#refresh');
  if (refresh) {
    refresh.addEventListener('click', () => navigate('applications/' + no, null, true));
    // a document check or a card charge is running: look again every few seconds, show the page again only when
    // something changed (re-rendering on every poll would move a screen reader's focus)
    const poll = setInterval(async () => {
      if (!document.body.contains(refresh)) return clearInterval(poll);
      try {
        const now = await api('GET', '/applications/' + encodeURIComponent(no));
        if (now.currentStep || now.status !== app.status) {
          clearInterval(poll);
          if (document.body.contains(refresh)) navigate('applications/' + no, null, true);
        }
      } catch {
        clearInterval(poll);
      }
    }, 2000);
  }
  return `${t('kind_' + app.kind)} ${no}`;
}

export function stepName(step) {
  const key = 'step_' + step.step;
  const text = t(key);
  return text === key ? step.name : text;
}

export async function renew({ main, session }) {
  main.innerHTML = `<h1 tabindex="-1">${esc(t('renewTitle'))}</h1><p>${esc(t('renewText'))}</p>
    <p><a class="button" href="/portal/${session.current() ? '' : 'sign-in'}" data-link>${esc(t(session.current() ? 'homeTitle' : 'signIn'))}</a></p>`;
  return t('renewTitle');
}

export { notice };
