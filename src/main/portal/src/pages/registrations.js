// "My registration": the signed-in holder's registrations (GET /api/registrations) and what they may do with each
// now. The server lists those actions in `actions`; the page offers exactly these, each on a page of its own (a
// heading, one form, the errors at the fields, back here with a notice when done):
// report a new address or name (with a new proof, reviewed by DCP), change the dispensary (4 changes in 12 months),
// name, replace or remove the caregiver, and surrender the registration (leave the program).
import { api, upload, ApiError } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { esc, field, formValues, clearErrors, showFieldErrors, notice } from '../dom.js';

const HOME = 'registrations';
const RELATIONSHIPS = ['PARENT', 'GUARDIAN', 'CONSERVATOR', 'SIBLING', 'OTHER'];
const DOCUMENT_TYPES = {
  address: ['utility-bill', 'lease', 'bank-statement', 'vehicle-registration', 'voter-registration'],
  name: ['drivers-license', 'state-id', 'passport', 'military-id']
};
// the fields of a change besides the document type and the file, in the order shown
const CHANGE_FIELDS = {
  address: [
    { name: 'street', label: 'street', autocomplete: 'address-line1' },
    { name: 'city', label: 'city', autocomplete: 'address-level2' },
    { name: 'zip', label: 'zip', autocomplete: 'postal-code', hint: 'zipHint', inputmode: 'numeric' }
  ],
  name: [
    { name: 'firstName', label: 'firstName', autocomplete: 'given-name' },
    { name: 'lastName', label: 'lastName', autocomplete: 'family-name' }
  ]
};
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A translated word for a value from the server; the value itself when there is no translation. */
function label(prefix, value) {
  const key = prefix + value;
  const text = t(key);
  return text === key ? String(value) : text;
}

function enc(number) {
  return encodeURIComponent(number);
}

function backLink() {
  return `<p><a href="/portal/${HOME}" data-link>${esc(t('backToRegistration'))}</a></p>`;
}

function changesLeft(r) {
  const c = r.dispensaryChanges;
  return c ? t('dispensaryChangesLeft', { left: c.left, max: c.max, months: c.windowMonths }) : '';
}

function dispensaryName(d) {
  return d ? (d.town ? `${d.name}, ${d.town}` : d.name) : t('noDispensary');
}

function personName(p) {
  return p ? `${p.firstName} ${p.lastName}` : '';
}

/** The registration of this number held by the signed-in user; null (after going back to the list) otherwise. */
async function load(number, action, navigate) {
  const list = await api('GET', '/registrations');
  const registration = list.find(r => r.registrationNumber === number);
  if (!registration || (action && !(registration.actions || []).includes(action))) {
    navigate(HOME, { kind: 'info', text: t('actionNotPossible') }, true);
    return null;
  }
  return registration;
}

/** The error of a refused request: at its fields (400), as the message (409 and the rest), or the network. */
function showFailure(form, error) {
  if (error instanceof ApiError && error.status === 413) {
    showFieldErrors(form, null, { file: error.message || t('fileTooLarge') });
  } else if (error instanceof ApiError && error.status === 400) {
    showFieldErrors(form, error.message, error.fieldErrors);
  } else if (error instanceof ApiError && error.status !== 0) {
    showFieldErrors(form, error.message, {});
  } else {
    showFieldErrors(form, t('networkError'), {});
  }
}

function busy(form, on) {
  form.querySelectorAll('button').forEach(b => { b.disabled = on; });
  form.setAttribute('aria-busy', on ? 'true' : 'false');
}

function required(values, names) {
  const errors = {};
  names.forEach(name => { if (!values[name]) errors[name] = t('required'); });
  return errors;
}

function row(term, description, id) {
  return `<div${id ? ` id="${esc(id)}"` : ''}><dt>${esc(term)}</dt><dd>${description}</dd></div>`;
}

function standingText(r) {
  const badge = `<span class="badge badge--standing-${esc(r.standing)}">${esc(label('standing_', r.standing))}</span>`;
  return r.standing === 'suspended' && r.suspendedUntil
    ? `${badge} ${esc(t('suspendedUntil', { date: formatDate(r.suspendedUntil) }))}` : badge;
}

function caregiverText(c) {
  if (!c) return esc(t('noCaregiver'));
  const parts = [`${esc(personName(c))} (${esc(label('relationship_', String(c.relationship || '').toUpperCase()))})`, esc(c.email)];
  if (c.registrationNumber) {
    parts.push(esc(t('caregiverRegistration', { number: c.registrationNumber, standing: label('standing_', c.standing) })));
  } else {
    parts.push(esc(t('caregiverNotRegisteredYet')));
  }
  return parts.join('<br>');
}

const ACTION_PATHS = {
  'change-address': 'address',
  'change-name': 'name',
  'change-dispensary': 'dispensary',
  'name-caregiver': 'caregiver',
  'replace-caregiver': 'caregiver',
  'remove-caregiver': 'caregiver/remove',
  surrender: 'surrender'
};

function registrationSection(r) {
  const n = r.registrationNumber;
  const id = 'registration-' + n;
  const current = ['valid', 'suspended'].includes(r.standing);
  const address = r.holder ? [r.holder.street, [r.holder.city, r.holder.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
  const rows = [
    row(t('registrationStanding'), standingText(r), `${id}-standing`),
    ['valid', 'suspended', 'expired'].includes(r.standing) && r.expiresOn
      ? row(t(r.standing === 'expired' ? 'expiredOn' : 'validUntil'), esc(formatDate(r.expiresOn))) : '',
    r.holder ? row(t('holderName'), esc(personName(r.holder))) : '',
    address ? row(t('holderAddress'), esc(address)) : '',
    r.role === 'caregiver' && r.patientName ? row(t('patient'), esc(r.patientName)) : '',
    row(t('dispensary'), esc(dispensaryName(r.dispensary)), `${id}-dispensary`),
    current && r.dispensaryChanges ? row(t('dispensaryChanges'), esc(changesLeft(r)), `${id}-dispensary-changes`) : '',
    current && r.role === 'patient' ? row(t('caregiver'), caregiverText(r.caregiver), `${id}-caregiver`) : '',
    r.pendingChange ? row(t('changeInReview'), `${esc(t('pendingChange', {
      change: label('changeKind_', r.pendingChange.kind),
      date: formatDate(r.pendingChange.submittedAt)
    }))} <a href="/portal/applications/${esc(enc(r.pendingChange.applicationNumber))}" data-link>${esc(t('pendingChangeLink', {
      number: r.pendingChange.applicationNumber }))}</a>`, `${id}-pending`) : ''
  ].join('');
  const actions = (r.actions || []).filter(action => ACTION_PATHS[action]);
  const list = actions.length
    ? `<ul class="links">${actions.map(action => `<li><a href="/portal/registrations/${esc(enc(n))}/${ACTION_PATHS[action]}" data-link
        data-action="${esc(action)}">${esc(t('action_' + action))}</a></li>`).join('')}</ul>`
    : `<p>${esc(t(current && r.pendingChange ? 'noActionsWhileInReview' : 'noActions'))}</p>`;
  return `<section class="panel registration registration--${esc(r.standing)}" id="${esc(id)}" aria-labelledby="${esc(id)}-title">
      <h2 id="${esc(id)}-title">${esc(t('registrationOf_' + r.role, { number: n }))}</h2>
      <dl class="summary">${rows}</dl>
      <h3>${esc(t('whatYouCanDo'))}</h3>
      ${list}
    </section>`;
}

export async function overview({ main }) {
  const list = await api('GET', '/registrations');
  main.innerHTML = `<p><a href="/portal/" data-link>${esc(t('backToApplications'))}</a></p>
    <h1 tabindex="-1">${esc(t('myRegistrationTitle'))}</h1>
    ${list.length === 0 ? `<p>${esc(t('noRegistrations'))}</p>` : `<p>${esc(t('myRegistrationIntro'))}</p>${list.map(registrationSection).join('')}`}`;
  return t('myRegistrationTitle');
}

/** A new address or a new name, with a new proof, sent as one multipart request to DCP's review. */
export function changePage(kind) {
  return async ({ main, params, navigate }) => {
    const [number] = params;
    const r = await load(number, 'change-' + kind, navigate);
    if (!r) return '';
    const title = t('changeTitle_' + kind);
    const prefix = 'change';
    const fileId = `${prefix}-file`;
    const current = kind === 'address'
      ? [r.holder.street, r.holder.city, r.holder.zip].filter(Boolean).join(', ')
      : personName(r.holder);
    main.innerHTML = `${backLink()}
      <h1 tabindex="-1">${esc(title)}</h1>
      <p>${esc(t('changeIntro_' + kind))}</p>
      ${current ? `<p>${esc(t('changeCurrent_' + kind, { value: current }))}</p>` : ''}
      <form novalidate class="form" id="change-form">
        ${CHANGE_FIELDS[kind].map(f => field({ prefix, name: f.name, label: t(f.label), required: true,
          autocomplete: f.autocomplete, hint: f.hint ? t(f.hint) : '', inputmode: f.inputmode })).join('')}
        ${field({ prefix, name: 'declaredType', label: t('changeDocumentType_' + kind), type: 'select', required: true, value: '',
          options: [{ value: '', label: t('chooseOne') }, ...DOCUMENT_TYPES[kind].map(value => ({ value, label: t('documentType_' + value) }))] })}
        <div class="field upload" data-field="file">
          <label for="${fileId}">${esc(t('changeDocument_' + kind))}</label>
          <p class="hint" id="${fileId}-hint">${esc(t('changeFileHint'))}</p>
          <input type="file" id="${fileId}" name="file" required aria-required="true"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="${fileId}-hint">
          <progress id="${fileId}-progress" max="100" value="0" hidden aria-label="${esc(t('changeUploadProgress'))}"></progress>
        </div>
        <p class="upload__status" id="change-status" role="status"></p>
        <div class="actions">
          <button type="submit" class="button" id="send-change">${esc(t('sendChange'))}</button>
          <a class="button button--secondary" href="/portal/${HOME}" data-link>${esc(t('cancel'))}</a>
        </div>
      </form>`;
    const form = main.querySelector('#change-form');
    const input = form.querySelector('input[type=file]');
    const progress = form.querySelector('progress');
    const status = form.querySelector('#change-status');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const values = formValues(form);
      const names = [...CHANGE_FIELDS[kind].map(f => f.name), 'declaredType'];
      const errors = required(values, names);
      const file = input.files[0];
      if (!file) errors.file = t('changeFileMissing');
      else if (file.size > MAX_FILE_BYTES) errors.file = t('fileTooLarge');
      if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
      clearErrors(form);
      const body = new FormData();
      body.append('kind', kind);
      names.forEach(name => body.append(name, values[name]));
      body.append('file', file);
      busy(form, true);
      progress.hidden = false;
      progress.value = 0;
      status.textContent = t('changeSending', { name: file.name });
      try {
        await upload(`/registrations/${enc(number)}/changes`, body, percent => { progress.value = percent; });
        navigate(HOME, { kind: 'success', text: t('changeSent_' + kind) });
      } catch (error) {
        busy(form, false);
        progress.hidden = true;
        status.textContent = t('changeNotSent');
        showFailure(form, error);
      }
    });
    return title;
  };
}

export async function dispensaryPage({ main, params, navigate }) {
  const [number] = params;
  const r = await load(number, 'change-dispensary', navigate);
  if (!r) return '';
  const dispensaries = await api('GET', '/dispensaries');
  const currentCode = r.dispensary ? r.dispensary.code : '';
  const title = t('dispensaryTitle');
  const noneLeft = r.dispensaryChanges && r.dispensaryChanges.left <= 0;
  main.innerHTML = `${backLink()}
    <h1 tabindex="-1">${esc(title)}</h1>
    <p>${esc(t('dispensaryIntro'))}</p>
    <dl class="summary">
      ${row(t('currentDispensary'), esc(dispensaryName(r.dispensary)))}
      ${row(t('dispensaryChanges'), esc(changesLeft(r)), 'dispensary-changes-left')}
    </dl>
    ${noneLeft ? notice('warning', t('noDispensaryChangesLeft')) : ''}
    <form novalidate class="form" id="dispensary-form">
      ${field({ prefix: 'dispensary', name: 'dispensaryCode', label: t('newDispensary'), type: 'select', required: true, value: '',
        hint: t('newDispensaryHint'),
        options: [{ value: '', label: t('chooseOne') }, ...dispensaries.filter(d => d.code !== currentCode)
          .map(d => ({ value: d.code, label: dispensaryName(d) }))] })}
      <div class="actions">
        <button type="submit" class="button" id="change-dispensary">${esc(t('changeDispensaryButton'))}</button>
        <a class="button button--secondary" href="/portal/${HOME}" data-link>${esc(t('cancel'))}</a>
      </div>
    </form>`;
  const form = main.querySelector('#dispensary-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = required(values, ['dispensaryCode']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      const updated = await api('PUT', `/registrations/${enc(number)}/dispensary`, { dispensaryCode: values.dispensaryCode });
      const chosen = dispensaries.find(d => d.code === values.dispensaryCode);
      const left = updated && updated.dispensaryChanges ? ' ' + changesLeft(updated) : '';
      navigate(HOME, { kind: 'success', text: t('dispensaryChanged', { dispensary: dispensaryName(chosen) }) + left });
    } catch (error) {
      busy(form, false);
      showFailure(form, error);
    }
  });
  return title;
}

/** Names a caregiver, or replaces the one named (their registration ends): PUT .../caregiver. */
export async function caregiverPage({ main, params, navigate }) {
  const [number] = params;
  const list = await api('GET', '/registrations');
  const r = list.find(x => x.registrationNumber === number);
  const actions = r ? r.actions || [] : [];
  const replace = !!(r && r.caregiver && actions.includes('replace-caregiver'));
  if (!r || (!replace && !actions.includes('name-caregiver'))) {
    navigate(HOME, { kind: 'info', text: t('actionNotPossible') }, true);
    return '';
  }
  const title = t(replace ? 'replaceCaregiverTitle' : 'nameCaregiverTitle');
  const prefix = 'caregiver';
  main.innerHTML = `${backLink()}
    <h1 tabindex="-1">${esc(title)}</h1>
    <p>${esc(t('caregiverIntro'))}</p>
    ${replace ? notice('warning', t('replaceCaregiverWarning', { name: personName(r.caregiver) })) : ''}
    <form novalidate class="form" id="caregiver-form">
      ${field({ prefix, name: 'firstName', label: t('firstName'), required: true, autocomplete: 'off' })}
      ${field({ prefix, name: 'lastName', label: t('lastName'), required: true, autocomplete: 'off' })}
      ${field({ prefix, name: 'dateOfBirth', label: t('dateOfBirth'), type: 'date', required: true })}
      ${field({ prefix, name: 'email', label: t('caregiverEmail'), type: 'email', required: true, hint: t('caregiverEmailHint'), autocomplete: 'off' })}
      ${field({ prefix, name: 'street', label: t('street'), required: true, autocomplete: 'off' })}
      ${field({ prefix, name: 'city', label: t('city'), required: true, autocomplete: 'off' })}
      ${field({ prefix, name: 'zip', label: t('zip'), required: true, hint: t('zipHint'), inputmode: 'numeric', autocomplete: 'off' })}
      ${field({ prefix, name: 'relationship', label: t('relationship'), type: 'select', required: true, value: '',
        options: [{ value: '', label: t('chooseOne') }, ...RELATIONSHIPS.map(value => ({ value, label: t('relationship_' + value) }))] })}
      <div class="actions">
        <button type="submit" class="button" id="save-caregiver">${esc(t(replace ? 'replaceCaregiverButton' : 'caregiverButton'))}</button>
        <a class="button button--secondary" href="/portal/${HOME}" data-link>${esc(t('cancel'))}</a>
      </div>
    </form>`;
  const form = main.querySelector('#caregiver-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = required(values, ['firstName', 'lastName', 'dateOfBirth', 'email', 'street', 'city', 'zip', 'relationship']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      await api('PUT', `/registrations/${enc(number)}/caregiver`, values);
      navigate(HOME, { kind: 'success', text: t(replace ? 'caregiverReplaced' : 'caregiverNamed', { email: values.email, name: personName(r.caregiver) }) });
    } catch (error) {
      busy(form, false);
      showFailure(form, error);
    }
  });
  return title;
}

/** A confirmation page: what happens, then one button that does it and a way back. */
function confirmPage(main, { title, intro, consequences, checkbox, button, danger }) {
  main.innerHTML = `${backLink()}
    <h1 tabindex="-1">${esc(title)}</h1>
    <p>${esc(intro)}</p>
    <h2 id="consequences-title">${esc(t('whatHappens'))}</h2>
    <ul class="consequences" aria-labelledby="consequences-title">${consequences.map(c => `<li>${esc(c)}</li>`).join('')}</ul>
    <form novalidate class="form" id="confirm-form">
      ${checkbox ? field({ prefix: 'confirm', name: 'confirm', type: 'checkbox', label: checkbox }) : ''}
      <div class="actions">
        <button type="submit" class="button${danger ? ' button--danger' : ''}" id="confirm">${esc(button)}</button>
        <a class="button button--secondary" href="/portal/${HOME}" data-link id="cancel">${esc(t('cancel'))}</a>
      </div>
    </form>`;
  return main.querySelector('#confirm-form');
}

export async function removeCaregiverPage({ main, params, navigate }) {
  const [number] = params;
  const r = await load(number, 'remove-caregiver', navigate);
  if (!r) return '';
  const name = personName(r.caregiver);
  const title = t('removeCaregiverTitle');
  const form = confirmPage(main, {
    title,
    intro: t('removeCaregiverIntro', { name }),
    consequences: [t('removeCaregiverEnds', { name }), t('removeCaregiverMail', { name }), t('removeCaregiverAnother')],
    button: t('removeCaregiverButton', { name }),
    danger: true
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    busy(form, true);
    try {
      await api('DELETE', `/registrations/${enc(number)}/caregiver`);
      navigate(HOME, { kind: 'success', text: t('caregiverRemoved', { name }) });
    } catch (error) {
      busy(form, false);
      showFailure(form, error);
    }
  });
  return title;
}

export async function surrenderPage({ main, params, navigate }) {
  const [number] = params;
  const r = await load(number, 'surrender', navigate);
  if (!r) return '';
  const title = t('surrenderTitle');
  const consequences = [t('surrenderEnds', { number }), t('surrenderVerification'), t('surrenderReminders')];
  if (r.role === 'patient' && r.caregiver) consequences.push(t('surrenderCaregiver', { name: personName(r.caregiver) }));
  if (r.pendingChange) consequences.push(t('surrenderPendingChange', { change: label('changeKind_', r.pendingChange.kind) }));
  consequences.push(t('surrenderAgain'));
  const form = confirmPage(main, {
    title,
    intro: t('surrenderIntro'),
    consequences,
    checkbox: t('surrenderConfirm'),
    button: t('surrenderButton'),
    danger: true
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { confirm } = formValues(form);
    if (!confirm) return showFieldErrors(form, null, { confirm: t('surrenderConfirmMissing') });
    busy(form, true);
    try {
      await api('POST', `/registrations/${enc(number)}/surrender`, { confirm: true });
      navigate(HOME, { kind: 'success', text: t('surrendered', { number }) });
    } catch (error) {
      busy(form, false);
      showFailure(form, error);
    }
  });
  return title;
}
