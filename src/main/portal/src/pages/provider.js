// The provider page: certify a patient (starts the registration, e-mails the invitation), re-certify a registered
// patient for renewal, re-send a lost or expired invitation.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { esc, field, formValues, clearErrors, showFieldErrors, notice } from '../dom.js';

const TERMS = [6, 12, 18, 24];

// The program's today (Connecticut, the server's CaseStarter.PROGRAM_ZONE), not the browser's: the server refuses a
// certification dated after the program's today, and a browser in another time zone (or in UTC after 7 p.m. in
// Connecticut) would otherwise propose tomorrow.
const PROGRAM_ZONE = 'America/New_York';

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

function termOptions() {
  return TERMS.map(months => ({ value: months, label: t('months', { months }) }));
}

function required(values, names) {
  const errors = {};
  names.forEach(name => { if (values[name] === '' || values[name] === undefined) errors[name] = t('required'); });
  return errors;
}

function wire(form, names, submit) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.parentElement.querySelectorAll('.notice').forEach(n => n.remove());
    const values = formValues(form);
    const errors = required(values, names);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const done = await submit(values);
      clearErrors(form);
      form.reset();
      form.querySelectorAll('input[type=date][data-default]').forEach(input => { input.value = input.dataset.default; });
      const box = document.createElement('div');
      box.innerHTML = notice('success', done);
      form.before(box.firstElementChild);
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) showFieldErrors(form, error.message, error.fieldErrors);
      else showFieldErrors(form, t('networkError'), {});
    } finally {
      button.disabled = false;
    }
  });
}

function withDefault(html, value) {
  return html.replace('type="date"', `type="date" data-default="${value}"`);
}

export async function providerPage({ main, navigate, session }) {
  if (session.current().role !== 'PROVIDER') {
    navigate('', null, true);
    return '';
  }
  main.innerHTML = `<h1 tabindex="-1">${esc(t('providerTitle'))}</h1>
    <p>${esc(t('providerIntro'))}</p>
    <section aria-labelledby="certify-title" class="panel">
      <h2 id="certify-title">${esc(t('certifyTitle'))}</h2>
      <form id="certify" novalidate class="form">
        <fieldset><legend>${esc(t('patient'))}</legend>
        ${field({ prefix: 'certify', name: 'firstName', label: t('firstName'), required: true, autocomplete: 'off' })}
        ${field({ prefix: 'certify', name: 'lastName', label: t('lastName'), required: true, autocomplete: 'off' })}
        ${field({ prefix: 'certify', name: 'dateOfBirth', label: t('dateOfBirth'), type: 'date', required: true, max: today() })}
        ${field({ prefix: 'certify', name: 'email', label: t('patientEmail'), type: 'email', required: true, hint: t('patientEmailHint'), autocomplete: 'off' })}
        ${field({ prefix: 'certify', name: 'street', label: t('street'), required: true, autocomplete: 'off' })}
        ${field({ prefix: 'certify', name: 'city', label: t('city'), required: true, autocomplete: 'off' })}
        ${field({ prefix: 'certify', name: 'zip', label: t('zip'), required: true, hint: t('zipHint'), inputmode: 'numeric', autocomplete: 'off' })}
        </fieldset>
        <fieldset><legend>${esc(t('certification'))}</legend>
        ${field({ prefix: 'certify', name: 'qualifyingCondition', label: t('condition'), required: true })}
        ${withDefault(field({ prefix: 'certify', name: 'certificationDate', label: t('certificationDate'), type: 'date', required: true, value: today() }), today())}
        ${field({ prefix: 'certify', name: 'termMonths', label: t('term'), type: 'select', required: true, value: 12, options: termOptions() })}
        ${field({ prefix: 'certify', name: 'caregiverNeeded', label: t('caregiverNeeded'), type: 'checkbox' })}
        </fieldset>
        <button type="submit" class="button">${esc(t('certifyButton'))}</button>
      </form>
    </section>
    <section aria-labelledby="recertify-title" class="panel">
      <h2 id="recertify-title">${esc(t('recertifyTitle'))}</h2>
      <p>${esc(t('recertifyIntro'))}</p>
      <form id="recertify" novalidate class="form">
        ${field({ prefix: 'recertify', name: 'registrationNumber', label: t('registrationNumber'), required: true, hint: t('registrationNumberHint'), autocomplete: 'off' })}
        ${field({ prefix: 'recertify', name: 'qualifyingCondition', label: t('condition'), required: true })}
        ${withDefault(field({ prefix: 'recertify', name: 'certificationDate', label: t('certificationDate'), type: 'date', required: true, value: today() }), today())}
        ${field({ prefix: 'recertify', name: 'termMonths', label: t('term'), type: 'select', required: true, value: 12, options: termOptions() })}
        ${field({ prefix: 'recertify', name: 'caregiverNeeded', label: t('caregiverNeeded'), type: 'checkbox' })}
        <button type="submit" class="button">${esc(t('recertifyButton'))}</button>
      </form>
    </section>
    <section aria-labelledby="reinvite-title" class="panel">
      <h2 id="reinvite-title">${esc(t('reinviteTitle'))}</h2>
      <p>${esc(t('reinviteIntro'))}</p>
      <form id="reinvite" novalidate class="form">
        ${field({ prefix: 'reinvite', name: 'applicationNumber', label: t('applicationNumber'), required: true, hint: t('applicationNumberHint'), autocomplete: 'off' })}
        <button type="submit" class="button">${esc(t('reinviteButton'))}</button>
      </form>
    </section>`;
  // the field names are the API's, so the server's fieldErrors land on them
  wire(main.querySelector('#certify'), ['firstName', 'lastName', 'dateOfBirth', 'email', 'street', 'city', 'zip', 'qualifyingCondition', 'certificationDate'],
    async values => {
      const result = await api('POST', '/provider/certifications', { ...values, termMonths: Number(values.termMonths) });
      return t('certified', { number: result.applicationNumber, email: values.email });
    });
  wire(main.querySelector('#recertify'), ['registrationNumber', 'qualifyingCondition', 'certificationDate'],
    async values => {
      const result = await api('POST', '/provider/recertifications', { ...values, termMonths: Number(values.termMonths) });
      return t('recertified', { number: result.applicationNumber });
    });
  wire(main.querySelector('#reinvite'), ['applicationNumber'],
    async values => {
      await api('POST', `/provider/certifications/${encodeURIComponent(values.applicationNumber.trim().toUpperCase())}/invitation`);
      return t('reinvited', { number: values.applicationNumber.trim().toUpperCase() });
    });
  return t('providerTitle');
}
