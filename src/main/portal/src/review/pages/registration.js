// The registration page (/review/registrations/{number}): where a registration stands, its open suspensions and
// revocations, its history, and what staff do about it: reviewers and supervisors propose a suspension or revocation
// (a supervisor decides it in Tasklist), supervisors lift a suspension in effect. All from
// GET /registrations/{number}/sanctions; the reasons are the options of the deployed form
// forms/sanction/propose-sanction.form (the server sends them), so process owners keep them.
import { esc, announce } from '../../shared/dom.js';
import { api, ApiError } from '../client.js';
import { formatDate, formatDateTime, capitalize } from '../format.js';
import { CHANGE } from '../facts.js';

const NUMBER = /^MMP-[2-9A-Z]{4}-[2-9A-Z]{4}$/;

/** What people type (lower case, spaces, no dashes) as MMP-XXXX-XXXX, or null (as VerificationService does). */
export function normaliseNumber(input) {
  const compact = String(input || '').toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 11 || !compact.startsWith('MMP')) return null;
  const number = `MMP-${compact.slice(3, 7)}-${compact.slice(7)}`;
  return NUMBER.test(number) ? number : null;
}

export function registrationPath(number) {
  return `registrations/${encodeURIComponent(number)}`;
}

const STATE = {
  'awaiting-decision': 'Awaiting a supervisor\'s decision',
  approved: 'Approved',
  'in-effect': 'In effect'
};

const KIND_OPTIONS = [
  { value: 'suspend', label: 'Suspend (for a time, or until a supervisor lifts it)' },
  { value: 'revoke', label: 'Revoke (final)' }
];

function standingText(r) {
  switch (r.standing) {
    case 'valid': return 'Valid';
    case 'suspended': return r.suspendedUntil ? `Suspended until ${formatDate(r.suspendedUntil)} (its last day)` : 'Suspended until a supervisor lifts it';
    case 'revoked': {
      const revoked = (r.history || []).filter(h => h.action === 'REVOKED').pop();
      return revoked ? `Revoked on ${formatDate(revoked.effectiveOn || revoked.occurredAt)}` : 'Revoked';
    }
    default: return capitalize(r.standing);
  }
}

function row(label, value, html = false) {
  return value ? `<div><dt>${esc(label)}</dt><dd>${html ? value : esc(value)}</dd></div>` : '';
}

function reasonLabel(r, code) {
  if (!code) return '';
  const option = (r.reasons || []).find(o => o.value === code);
  return option ? option.label : String(code).toLowerCase().replace(/[_-]/g, ' ');
}

function tasklistLink(r) {
  return `<a href="${esc(r.tasklistUrl || '/camunda/app/tasklist/')}" data-testid="tasklist-link">Tasklist: Suspensions and revocations</a>`;
}

function openHtml(r, user) {
  const open = r.open || [];
  if (!open.length) return '<p data-testid="open-none">None.</p>';
  return `<ul class="sanctions">${open.map(o => `<li class="sanction" data-testid="open-sanction" data-state="${esc(o.state)}">
    <p><strong>${esc(capitalize(o.kind))}</strong>, proposed by ${esc(o.proposedBy)}: ${esc(o.reasonLabel || reasonLabel(r, o.reason))}</p>
    <p>Effective ${esc(formatDate(o.effectiveOn))}${o.kind === 'suspension' ? `, ${o.lastDay ? `last day ${esc(formatDate(o.lastDay))}` : 'until a supervisor lifts it'}` : ''}.</p>
    ${o.note ? `<p class="muted">Note: ${esc(o.note)}</p>` : ''}
    <p class="sanction__state">${o.state === 'awaiting-decision'
      ? `<strong>Awaiting a supervisor's decision</strong> (${tasklistLink(r)})`
      : o.state === 'approved'
        ? `<strong>Approved</strong>, ${o.effectiveOn > r.today ? `takes effect on ${esc(formatDate(o.effectiveOn))}` : 'taking effect now'}`
        : `<strong>${esc(STATE[o.state] || o.state)}</strong>`}</p>
    ${o.state === 'in-effect' && o.kind === 'suspension' && user && user.supervisor
      ? '<p><button type="button" class="button button--secondary button--small" id="lift-open" data-testid="lift-open" aria-haspopup="dialog">Lift the suspension…</button></p>' : ''}
  </li>`).join('')}</ul>`;
}

function historyHtml(r) {
  const list = r.history || [];
  if (!list.length) return '<p>No entries.</p>';
  return `<ol class="history registration-history" data-testid="registration-history">${list.map(h => `<li>
    <span class="nowrap">${esc(formatDateTime(h.occurredAt))}</span>: ${esc(CHANGE[h.action] || h.action)} by ${esc(h.actor)}${h.reason ? ` (${esc(reasonLabel(r, h.reason))})` : ''}${h.effectiveOn ? `, effective ${esc(formatDate(h.effectiveOn))}` : ''}${h.note ? `: ${esc(h.note)}` : ''}
  </li>`).join('')}</ol>`;
}

function proposeHtml(r) {
  return `<form id="propose-form" class="propose-form" novalidate data-testid="propose-form">
    <div id="propose-errors"></div>
    <fieldset class="field" data-field="kind" id="propose-kind">
      <legend>Suspend or revoke</legend>
      ${r.standing === 'suspended' ? '<p class="hint">It is suspended: a revocation may still be proposed.</p>' : ''}
      ${KIND_OPTIONS.filter(o => r.standing !== 'suspended' || o.value === 'revoke').map((o, i) => `<div class="choice"><input type="radio" name="kind" id="propose-kind-${i}" value="${esc(o.value)}"${i === 0 ? ' checked' : ''}>
        <label for="propose-kind-${i}">${esc(o.label)}</label></div>`).join('')}
    </fieldset>
    <div class="field" data-field="reason">
      <label for="propose-reason">Reason</label>
      <p class="hint" id="propose-reason-hint">The holder is told this reason.</p>
      <select id="propose-reason" name="reason" aria-required="true" aria-describedby="propose-reason-hint">
        <option value="">Choose a reason</option>
        ${(r.reasons || []).map(o => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('')}
      </select>
    </div>
    <div class="field" data-field="note">
      <label for="propose-note">Note</label>
      <p class="hint" id="propose-note-hint">What happened; staff see it in the history.</p>
      <textarea id="propose-note" name="note" rows="3" maxlength="2000" aria-required="true" aria-describedby="propose-note-hint"></textarea>
    </div>
    <div class="field-row">
      <div class="field" data-field="effectiveOn">
        <label for="propose-effective">Effective date</label>
        <p class="hint" id="propose-effective-hint">yyyy-mm-dd, today or later</p>
        <input id="propose-effective" name="effectiveOn" type="text" autocomplete="off" spellcheck="false" size="10" value="${esc(r.today || '')}" aria-required="true" aria-describedby="propose-effective-hint">
      </div>
      <div class="field" data-field="lastDay" id="propose-last-day-field">
        <label for="propose-last-day">Last day <span class="optional">(optional)</span></label>
        <p class="hint" id="propose-last-day-hint">yyyy-mm-dd; empty: until lifted</p>
        <input id="propose-last-day" name="lastDay" type="text" autocomplete="off" spellcheck="false" size="10" aria-describedby="propose-last-day-hint">
      </div>
    </div>
    <p class="propose-actions"><button type="submit" class="button" id="propose-submit" data-testid="propose-submit">Propose</button>
      <span id="propose-status" role="status"></span></p>
  </form>`;
}

function labelOf(form, name) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  const label = wrapper && wrapper.querySelector('legend, label');
  return label ? label.textContent.replace('(optional)', '').trim() : name;
}

/** Errors at the fields (aria-invalid, aria-describedby) and a summary with links to them, focused. */
function showErrors(form, top, message, fieldErrors) {
  clear(form, top);
  const items = Object.entries(fieldErrors || {}).map(([name, text]) => {
    const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!wrapper) return { id: '', label: name, text };
    const inputs = [...wrapper.querySelectorAll('input, select, textarea')];
    const id = `propose-error-${name}`;
    wrapper.classList.add('field--error');
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = id;
    error.dataset.testid = `error-${name}`;
    error.innerHTML = `<span class="visually-hidden">Error:</span> ${esc(text)}`;
    wrapper.querySelector('legend, label').after(error);
    inputs.forEach(input => {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    });
    const target = inputs.find(input => input.checked) || inputs[0];
    return { id: target ? target.id : '', label: labelOf(form, name), text };
  });
  top.innerHTML = `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="propose-errors-title" data-testid="propose-error-summary">
    <h3 id="propose-errors-title">There is a problem</h3>
    ${message && !items.length ? `<p>${esc(message)}</p>` : ''}
    ${items.length ? `<ul>${items.map(i => `<li><a href="#${esc(i.id)}" data-focus="${esc(i.id)}">${esc(i.label)}: ${esc(i.text)}</a></li>`).join('')}</ul>` : ''}
  </div>`;
  const summary = top.firstElementChild;
  summary.addEventListener('click', event => {
    const link = event.target.closest('a[data-focus]');
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.dataset.focus);
    if (target) target.focus();
  });
  summary.focus();
}

function clear(form, top) {
  top.innerHTML = '';
  form.querySelectorAll('.field-error').forEach(el => el.remove());
  form.querySelectorAll('.field--error').forEach(el => el.classList.remove('field--error'));
  form.querySelectorAll('[aria-invalid]').forEach(el => {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') || '').split(' ').filter(id => id && !id.startsWith('propose-error-')).join(' ');
    if (described) el.setAttribute('aria-describedby', described); else el.removeAttribute('aria-describedby');
  });
}

function findPage(main, input) {
  main.className = '';
  main.innerHTML = `<div class="ws-narrow" data-testid="registration-find">
    <h1 tabindex="-1">Find a registration</h1>
    <div class="error-summary" role="alert" tabindex="-1" id="find-error-summary" aria-labelledby="find-error-title">
      <h2 id="find-error-title">There is a problem</h2>
      <ul><li><a href="#find-again" data-focus="find-again">"${esc(input)}" is not a registration number. Enter one such as MMP-AB2C-3DE4.</a></li></ul>
    </div>
    <form id="find-again-form" class="field field--error" novalidate>
      <label for="find-again">Registration number</label>
      <p class="field-error" id="find-again-error"><span class="visually-hidden">Error:</span> Enter a number such as MMP-AB2C-3DE4 (lower case and spaces are fine).</p>
      <input id="find-again" name="number" type="text" autocomplete="off" spellcheck="false" value="${esc(input)}" aria-invalid="true" aria-describedby="find-again-error">
      <p><button type="submit" class="button">Find</button></p>
    </form></div>`;
  return { title: 'Find a registration', focus: main.querySelector('#find-error-summary') };
}

export async function registrationPage({ main, params, options, navigate, session, alive }) {
  const input = decodeURIComponent(params[0] || '');
  const number = normaliseNumber(input);
  if (!number) {
    const result = findPage(main, input);
    main.querySelector('#find-error-summary a').addEventListener('click', event => {
      event.preventDefault();
      main.querySelector('#find-again').focus();
    });
    main.querySelector('#find-again-form').addEventListener('submit', event => {
      event.preventDefault();
      const again = main.querySelector('#find-again').value;
      navigate(registrationPath(normaliseNumber(again) || again.trim() || ' '));
    });
    return result;
  }
  if (number !== input) {
    navigate(registrationPath(number), { ...options, replace: true });
    return { keepFocus: true };
  }
  const user = session.current();
  const groups = (user && user.groups) || [];
  const mayPropose = !!(user && (user.supervisor || groups.includes('reviewers') || groups.includes('supervisors')));
  const path = `/registrations/${encodeURIComponent(number)}/sanctions`;

  let r;
  try {
    r = await api('GET', path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      main.className = '';
      main.innerHTML = `<div class="ws-narrow" data-testid="registration-not-found"><h1 tabindex="-1">Registration not found</h1>
        <p>There is no registration ${esc(number)}. Check the number and try again with "Find a registration" above.</p>
        <p><a href="/review/" data-link>Go to the queue</a></p></div>`;
      return { title: 'Registration not found' };
    }
    throw error;
  }
  if (!alive()) return {};

  document.body.dataset.page = 'registration';
  main.className = 'ws-registration';
  const render = () => {
    const proposable = mayPropose && ['valid', 'suspended'].includes(r.standing)
      && (r.open || []).every(o => o.state === 'in-effect');
    main.innerHTML = `
      <div class="registration-head">
        <p class="case-head__back"><a href="/review/" data-link><span aria-hidden="true">←</span> Back to the queue</a></p>
        <h1 tabindex="-1" id="registration-title" data-testid="registration-title">Registration ${esc(r.registrationNumber)}</h1>
      </div>
      <div id="flash"></div>
      <div class="registration-grid">
        <div class="registration-main">
          <section aria-labelledby="standing-title" data-testid="registration-standing-section">
            <h2 id="standing-title">Standing</h2>
            <dl class="facts-list">
              ${row('Standing', `<strong data-testid="registration-standing">${esc(standingText(r))}</strong>`, true)}
              ${row('Holder', r.holderName)}
              ${row('Registration', [capitalize(r.role), r.kind].filter(Boolean).join(', '))}
              ${row('Expires', formatDate(r.expiresOn))}
            </dl>
          </section>
          <section aria-labelledby="open-title" data-testid="open-sanctions">
            <h2 id="open-title" tabindex="-1">Open suspensions and revocations</h2>
            <div id="sanction-notice"></div>
            ${openHtml(r, user)}
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            ${historyHtml(r)}
          </section>
        </div>
        ${mayPropose ? `<section class="registration-side" aria-labelledby="propose-title" data-testid="propose">
          <h2 id="propose-title">Propose a suspension or revocation</h2>
          ${proposable ? `<p class="muted">A supervisor approves or rejects it in Tasklist. Once approved it takes effect at the start of the effective date (Connecticut time); the holder is told by e-mail with the reason. A linked caregiver's registration follows the patient's.</p>
            ${proposeHtml(r)}`
            : `<p data-testid="propose-not-now">${(r.open || []).some(o => o.state !== 'in-effect')
              ? 'A proposal of this registration is open; only one can be open at a time.'
              : `Only a valid or suspended registration can be suspended or revoked; this one is ${esc(r.standing)}.`}</p>`}
        </section>` : ''}
      </div>
      <dialog id="lift-dialog" aria-labelledby="lift-title" aria-describedby="lift-text" data-testid="lift-dialog">
        <form id="lift-form" method="dialog" novalidate>
          <h2 id="lift-title">Lift the suspension?</h2>
          <p id="lift-text">${esc(r.registrationNumber)} (${esc(r.holderName)}) becomes valid again at once${r.role === 'patient' ? ", and so do the caregivers' registrations that followed it" : ''}. The holder is told by e-mail.</p>
          <div id="lift-errors"></div>
          <div class="field" data-field="note">
            <label for="lift-note">Note</label>
            <p class="hint" id="lift-note-hint">Why it is lifted; staff see it in the history.</p>
            <textarea id="lift-note" name="note" rows="3" maxlength="2000" aria-describedby="lift-note-hint"></textarea>
          </div>
          <div class="actions">
            <button type="submit" class="button" id="lift-confirm" data-testid="lift-confirm" value="lift">Yes, lift the suspension</button>
            <button type="button" class="button button--secondary" id="lift-cancel" data-testid="lift-cancel">Cancel</button>
            <span id="lift-status" role="status"></span>
          </div>
        </form>
      </dialog>`;
    wire();
  };

  const reload = async (kind, text) => {
    try {
      r = await api('GET', path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
    }
    if (!alive()) return;
    render();
    const box = main.querySelector('#sanction-notice');
    box.innerHTML = `<div class="notice notice--${kind}" role="status" tabindex="-1" id="sanction-result" data-testid="sanction-result">${esc(text)}</div>`;
    box.firstElementChild.focus();
    announce(text);
  };

  const wire = () => {
    const form = main.querySelector('#propose-form');
    if (form) {
      const top = form.querySelector('#propose-errors');
      const lastDay = form.querySelector('#propose-last-day-field');
      const syncKind = () => {
        const revoke = form.querySelector('input[name=kind]:checked')?.value === 'revoke';
        lastDay.hidden = revoke;
        form.querySelector('#propose-last-day').disabled = revoke;
      };
      form.addEventListener('change', event => { if (event.target.name === 'kind') syncKind(); });
      syncKind();
      let busy = false;
      form.addEventListener('submit', async event => {
        event.preventDefault();
        if (busy) return;
        const values = {};
        const kind = form.querySelector('input[name=kind]:checked');
        if (kind) values.kind = kind.value;
        ['reason', 'note', 'effectiveOn', 'lastDay'].forEach(name => {
          const el = form.querySelector(`[name=${name}]`);
          const value = el && !el.disabled ? el.value.trim() : '';
          if (value) values[name] = value;
        });
        busy = true;
        const status = form.querySelector('#propose-status');
        status.textContent = 'Sending the proposal…';
        try {
          const open = await api('POST', path, values);
          busy = false;
          await reload('success', `${capitalize(open.kind)} proposed. It is awaiting a supervisor's decision (Tasklist: Suspensions and revocations).`);
        } catch (error) {
          busy = false;
          status.textContent = '';
          if (error instanceof ApiError && error.status === 401) return;
          if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors || {}).length) {
            showErrors(form, top, error.message, error.fieldErrors);
          } else {
            clear(form, top);
            top.innerHTML = `<div class="notice notice--error" role="alert" tabindex="-1" data-testid="propose-conflict">${esc(error.status ? error.message : 'We could not reach the server. The proposal was not sent; try again.')}</div>`;
            top.firstElementChild.focus();
          }
        }
      });
    }

    const opener = main.querySelector('#lift-open');
    const dialog = main.querySelector('#lift-dialog');
    if (opener) {
      opener.addEventListener('click', () => {
        main.querySelector('#lift-errors').innerHTML = '';
        dialog.showModal();
        main.querySelector('#lift-note').focus();
      });
      main.querySelector('#lift-cancel').addEventListener('click', () => dialog.close());
      dialog.addEventListener('close', () => { if (document.activeElement === document.body || !document.activeElement) opener.focus(); });
      let busy = false;
      main.querySelector('#lift-form').addEventListener('submit', async event => {
        event.preventDefault();
        if (busy) return;
        busy = true;
        const status = main.querySelector('#lift-status');
        status.textContent = 'Lifting the suspension…';
        const note = main.querySelector('#lift-note').value.trim();
        try {
          await api('POST', `${path}/lift`, note ? { note } : {});
          busy = false;
          dialog.close();
          await reload('success', 'The suspension is lifted; the registration is valid again.');
        } catch (error) {
          busy = false;
          status.textContent = '';
          if (error instanceof ApiError && error.status === 401) return;
          const errors = main.querySelector('#lift-errors');
          const text = error instanceof ApiError && error.fieldErrors && error.fieldErrors.note
            ? `Note: ${error.fieldErrors.note}` : error.status ? error.message : 'We could not reach the server. Try again.';
          errors.innerHTML = `<div class="notice notice--error" role="alert" tabindex="-1" data-testid="lift-error">${esc(text)}</div>`;
          errors.firstElementChild.focus();
        }
      });
    }
  };

  render();
  return { title: `Registration ${r.registrationNumber}` };
}
