// Words and dates of the workspace (English, US formats), and the few icons that go with a text (never alone).
import { esc } from '../shared/dom.js';

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat('en-US');

function toDate(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00') : new Date(value);
}

export function formatDate(value) {
  return value ? dateFormat.format(toDate(value)) : '';
}

export function formatDateTime(value) {
  return value ? dateTimeFormat.format(toDate(value)) : '';
}

export function formatNumber(value) {
  return numberFormat.format(value);
}

export function formatSize(bytes) {
  if (bytes == null) return '';
  return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

export function capitalize(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** "Initial, patient" */
export function kindAndRole(kind, role) {
  return `${kind === 'renewal' ? 'Renewal' : kind === 'change' ? 'Change' : 'Initial'}, ${role === 'caregiver' ? 'caregiver' : 'patient'}`;
}

export const CATEGORY = { identity: 'Proof of identity', residency: 'Proof of residency' };

export const DOCUMENT_TYPE = {
  'drivers-license': "Driver's licence",
  'state-id': 'State ID card',
  passport: 'Passport',
  'military-id': 'Military ID',
  'utility-bill': 'Utility bill',
  lease: 'Lease or mortgage statement',
  'bank-statement': 'Bank statement',
  'vehicle-registration': 'Vehicle registration',
  'voter-registration': 'Voter registration card'
};

export const CHECK_REASON = {
  EMPTY: 'the file is empty',
  TOO_LARGE: 'the file is too large',
  TYPE_NOT_ALLOWED: 'not a PDF, JPEG or PNG',
  EXTENSION_MISMATCH: 'the file name does not match its content',
  HEIC_NOT_SUPPORTED: 'HEIC photo (not supported)',
  ARCHIVE: 'an archive',
  OFFICE_DOCUMENT: 'an office document',
  WEB_CONTENT: 'web content',
  EXECUTABLE: 'a program',
  POLYGLOT: 'the file is of more than one type',
  CORRUPT: 'the file is damaged',
  IMAGE_TOO_LARGE: 'the image is too large',
  PDF_ENCRYPTED: 'the PDF is encrypted',
  PDF_JAVASCRIPT: 'the PDF contains JavaScript',
  PDF_LAUNCH_ACTION: 'the PDF starts programs',
  PDF_EMBEDDED_FILE: 'the PDF contains embedded files'
};

export const DENIAL_REASON = {
  'incomplete-application': 'incomplete application',
  'missing-identity': 'missing proof of identity',
  'missing-residency': 'missing proof of residency',
  'missing-age': 'missing proof of age',
  'false-information': 'false information',
  'recent-adverse-action': 'denial, suspension or revocation in the past 6 months',
  'unapproved-caregiver': 'caregiver not approved'
};

export const STATUS = {
  IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted', INFORMATION_REQUESTED: 'Information requested', APPROVED: 'Approved',
  DENIED: 'Denied', CLOSED: 'Closed', ACTIVE: 'Active', EXPIRED: 'Expired', REVOKED: 'Revoked', SUPERSEDED: 'Superseded'
};

export function statusLabel(status) {
  return STATUS[status] || capitalize(String(status || '').toLowerCase().replace(/_/g, ' '));
}

export function documentLabel(document) {
  const category = CATEGORY[document.category] || capitalize(document.category);
  const type = DOCUMENT_TYPE[document.declaredType] || document.declaredType || 'type not chosen';
  return `${category} - ${type}`;
}

export function checkText(check) {
  if (!check || check.status === 'ACCEPTED') return 'Check passed';
  const reason = check.reason ? (CHECK_REASON[check.reason] || String(check.reason).toLowerCase().replace(/_/g, ' ')) : 'no reason given';
  return `Check failed: ${reason}`;
}

const PATHS = {
  ok: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8"/>',
  soon: '<circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M8 4.3V8l2.6 1.6" fill="none" stroke="currentColor" stroke-width="1.8"/>',
  late: '<path d="M8 1.2l7 12.6H1z" fill="currentColor"/><path d="M8 5.6v4" stroke="#fff" stroke-width="1.8"/><circle cx="8" cy="11.8" r="1" fill="#fff"/>',
  fail: '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="#fff" stroke-width="1.8"/>',
  high: '<path d="M8 2l6 7h-4v5H6V9H2z" fill="currentColor"/>'
};

/** A decorative icon (the text next to it says the same). */
export function icon(name) {
  return `<svg class="icon icon--${name}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`;
}

const SLA = { 'on-time': ['On time', 'ok'], 'due-soon': ['Due soon', 'soon'], late: ['Late', 'late'] };

/** The SLA state as text and icon ("On time", "Due soon", "Late"); nothing without a due date. */
export function slaBadge(sla) {
  if (!SLA[sla]) return '';
  const [label, name] = SLA[sla];
  return `<span class="sla sla--${esc(sla)}">${icon(name)}${label}</span>`;
}

export function priorityBadge(priority, label) {
  const high = priority >= 80;
  return high ? `<span class="priority priority--high">${icon('high')}${esc(label || 'High')}</span>` : `<span class="priority">${esc(label || 'Normal')}</span>`;
}
