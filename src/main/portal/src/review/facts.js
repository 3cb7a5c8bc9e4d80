// The facts of a case as compact definition lists: applicant, certification, dispensary and payment, the patient (for
// a caregiver), requests for information with their answers, and this person's earlier applications and registrations.
import { esc } from '../shared/dom.js';
import { formatDate, kindAndRole, statusLabel, DENIAL_REASON, capitalize } from './format.js';

function row(label, value, html = false) {
  if (value === null || value === undefined || value === '') return '';
  return `<div><dt>${esc(label)}</dt><dd>${html ? value : esc(value)}</dd></div>`;
}

function address(person) {
  const town = [person.city, [person.city ? 'CT' : '', person.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [person.street, town].filter(Boolean).join(', ');
}

function born(person) {
  if (!person.dateOfBirth) return '';
  return `${formatDate(person.dateOfBirth)}${person.age != null ? ` (age ${person.age})` : ''}`;
}

function person(title, p, testid) {
  return `<section class="fact" data-testid="${testid}"><h3>${esc(title)}</h3><dl class="facts-list">
    ${row('Name', p.name)}
    ${row('Born', born(p))}
    ${row('Address', address(p))}
    ${row('E-mail', p.email)}
  </dl></section>`;
}

function payment(p) {
  if (!p) return '';
  const amount = p.amount != null ? new Intl.NumberFormat('en-US', { style: 'currency', currency: p.currency || 'USD' }).format(p.amount) : '';
  switch (p.status) {
    case 'NO_FEE': return 'No fee';
    case 'SUCCEEDED': return ['Paid', amount, p.card ? `by ${p.card}` : '', p.at ? `on ${formatDate(p.at)}` : ''].filter(Boolean).join(' ');
    case 'PENDING': return ['Pending', amount].filter(Boolean).join(', ');
    case 'DECLINED': return ['Declined', amount, p.card ? `(${p.card})` : ''].filter(Boolean).join(' ');
    default: return p.status;
  }
}

function requests(list) {
  if (!list || !list.length) return '';
  return `<section class="fact fact--wide" data-testid="facts-requests"><h3>Requests for information</h3><ol class="requests">
    ${list.map(r => `<li>
      <p><span class="muted">${esc(formatDate(r.askedAt))}, ${esc(r.askedBy || '')}:</span> ${esc(r.question)}</p>
      <p>${r.answeredAt ? `<span class="muted">Answered ${esc(formatDate(r.answeredAt))}:</span> ${esc(r.answer || '')}` : '<span class="muted">Not answered yet.</span>'}</p>
    </li>`).join('')}</ol></section>`;
}

/** What each history entry's action did, in words (the case facts and the registration page). */
export const CHANGE = {
  ISSUED: 'issued', SUPERSEDED: 'replaced by a renewal', REISSUED: 'certificate reissued',
  DISPENSARY_CHANGED: 'dispensary changed', SUSPENSION_PROPOSED: 'suspension proposed',
  SUSPENSION_REJECTED: 'suspension rejected', SUSPENSION_APPROVED: 'suspension approved', SUSPENDED: 'suspended', SUSPENSION_LIFTED: 'suspension lifted',
  SUSPENSION_ENDED: 'suspension ended', REVOCATION_PROPOSED: 'revocation proposed',
  REVOCATION_REJECTED: 'revocation rejected', REVOCATION_APPROVED: 'revocation approved', REVOKED: 'revoked', ENDED: 'ended',
  EXPIRY_SHORTENED: 'expiry moved to the patient\'s', EXPIRY_EXTENDED: 'own expiry back (the patient renewed)', CHANGE_REQUESTED: 'change reported',
  CHANGE_APPROVED: 'change approved', CHANGE_DENIED: 'change denied', CAREGIVER_NAMED: 'caregiver named',
  CAREGIVER_REMOVED: 'caregiver removed'
};

// a registration number opens its page (standing, sanctions, history)
function registrationLink(number) {
  return number ? `<a href="/review/registrations/${esc(encodeURIComponent(number))}" data-link data-testid="registration-link">${esc(number)}</a>` : '';
}

// every state change of the person's registrations (who, what, when, why), folded so a clean case fits the screen
function changes(list) {
  if (!list || !list.length) return '';
  return `<details class="history-changes" data-testid="facts-registration-history"><summary>Registration history (${list.length})</summary><ol class="history">
    ${list.map(c => `<li>${esc(formatDate(c.at))}: ${registrationLink(c.registrationNumber)} ${esc(CHANGE[c.action] || c.action)} by ${esc(c.actor)}${c.reason ? ` (${esc(String(c.reason).toLowerCase().replace(/_/g, ' '))})` : ''}${c.effectiveOn ? `, effective ${esc(formatDate(c.effectiveOn))}` : ''}${c.note ? `: ${esc(c.note)}` : ''}</li>`).join('')}
  </ol></details>`;
}

function history(h) {
  const applications = (h && h.applications) || [];
  const registrations = (h && h.registrations) || [];
  if (!applications.length && !registrations.length && !(h && h.changes && h.changes.length)) {
    return `<section class="fact fact--wide" data-testid="facts-history"><h3 class="fact__inline">Earlier applications and registrations:</h3> <span>None</span></section>`;
  }
  return `<section class="fact fact--wide" data-testid="facts-history"><h3>Earlier applications and registrations</h3><ul class="history">
    ${applications.map(a => `<li>${esc(a.applicationNumber)}: ${esc(kindAndRole(a.kind, a.role))}, ${esc(statusLabel(a.status))}${a.denialReason ? ` (${esc(DENIAL_REASON[a.denialReason] || a.denialReason)})` : ''}${a.decidedAt ? `, decided ${esc(formatDate(a.decidedAt))}` : a.submittedAt ? `, submitted ${esc(formatDate(a.submittedAt))}` : ''}</li>`).join('')}
    ${registrations.map(r => `<li>Registration ${registrationLink(r.registrationNumber)}: ${esc(capitalize(r.role))}, ${esc(r.kind)}, ${esc(statusLabel(r.status))}${r.expiresOn ? `, expires ${esc(formatDate(r.expiresOn))}` : ''}</li>`).join('')}
  </ul>${changes(h.changes)}</section>`;
}

// a change the holder reported: what it replaces and what it asks for, first and highlighted, since that is what the
// reviewer decides on
function change(ch) {
  if (!ch) return '';
  const what = ch.kind === 'name' ? 'name' : 'address';
  return `<section class="fact fact--wide fact--change" data-testid="facts-change"><h3>Reported change of ${esc(what)}</h3><dl class="facts-list">
    ${row('Registration', ch.registrationNumber)}
    ${row('Was', `<del>${esc(ch.from)}</del>`, true)}
    ${row('Now', `<ins>${esc(ch.to)}</ins>`, true)}
  </dl><p class="muted">Approve: the ${esc(what)} changes and the certificate is issued again with the same number. Deny: nothing changes.</p></section>`;
}

export function factsHtml(kase) {
  const c = kase.certification || {};
  const d = kase.dispensary;
  return `
    ${change(kase.change)}
    ${person(kase.role === 'caregiver' ? 'Applicant (caregiver)' : 'Applicant', kase.applicant, 'facts-applicant')}
    <section class="fact" data-testid="facts-certification"><h3>Certification</h3><dl class="facts-list">
      ${row('Provider', c.provider)}
      ${row('Certified', formatDate(c.certificationDate))}
      ${row('Term', c.termMonths != null ? `${c.termMonths} months${c.expiresOn ? `, expires ${formatDate(c.expiresOn)}` : ''}` : '')}
      ${row('Condition', c.qualifyingCondition)}
      ${row('Caregiver', c.caregiverNeeded == null ? '' : c.caregiverNeeded ? 'Needed' : 'Not needed')}
    </dl></section>
    ${kase.patient ? person('Patient', kase.patient, 'facts-patient') : ''}
    <section class="fact" data-testid="facts-dispensary"><h3>Dispensary and payment</h3><dl class="facts-list">
      ${row('Dispensary', d ? [d.name, d.town && d.name && !d.name.includes(d.town) ? d.town : ''].filter(Boolean).join(', ') + (d.code ? ` (${d.code})` : '') : 'None chosen')}
      ${row('Payment', payment(kase.payment))}
      ${row('Attestations', kase.attestedAt ? `Signed ${formatDate(kase.attestedAt)}` : '')}
    </dl></section>
    ${requests(kase.informationRequests)}
    ${history(kase.history)}`;
}
