// The patient names their caregiver (POST /api/applications/{no}/caregiver); the caregiver is invited by e-mail to
// register. The server decides whether a caregiver may be named (the provider certified the need, one caregiver, age
// and relationship rules) and says why not.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { esc, field, formValues, showFieldErrors, notice } from '../dom.js';

const RELATIONSHIPS = ['PARENT', 'GUARDIAN', 'CONSERVATOR', 'SIBLING', 'OTHER'];

export async function caregiverPage({ main, params, navigate }) {
  const [no] = params;
  main.innerHTML = `<p><a href="/portal/applications/${esc(no)}" data-link>${esc(t('backToApplication'))}</a></p>
    <h1 tabindex="-1">${esc(t('caregiverTitle'))}</h1>
    <p>${esc(t('caregiverIntro'))}</p>
    <form novalidate class="form" id="caregiver">
      ${field({ name: 'firstName', label: t('firstName'), required: true, autocomplete: 'off' })}
      ${field({ name: 'lastName', label: t('lastName'), required: true, autocomplete: 'off' })}
      ${field({ name: 'dateOfBirth', label: t('dateOfBirth'), type: 'date', required: true })}
      ${field({ name: 'email', label: t('caregiverEmail'), type: 'email', required: true, hint: t('caregiverEmailHint'), autocomplete: 'off' })}
      ${field({ name: 'street', label: t('street'), required: true, autocomplete: 'off' })}
      ${field({ name: 'city', label: t('city'), required: true, autocomplete: 'off' })}
      ${field({ name: 'zip', label: t('zip'), required: true, hint: t('zipHint'), inputmode: 'numeric', autocomplete: 'off' })}
      ${field({ name: 'relationship', label: t('relationship'), type: 'select', required: true, value: '',
        options: [{ value: '', label: t('chooseOne') }, ...RELATIONSHIPS.map(value => ({ value, label: t('relationship_' + value) }))] })}
      <button type="submit" class="button">${esc(t('caregiverButton'))}</button>
    </form>`;
  const form = main.querySelector('#caregiver');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = {};
    ['firstName', 'lastName', 'dateOfBirth', 'email', 'street', 'city', 'zip', 'relationship']
      .forEach(name => { if (!values[name]) errors[name] = t('required'); });
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await api('POST', `/applications/${encodeURIComponent(no)}/caregiver`, values);
      navigate('applications/' + no, { kind: 'success', text: t('caregiverNamed', { email: values.email }) });
    } catch (error) {
      button.disabled = false;
      if (error instanceof ApiError && error.status !== 0) showFieldErrors(form, error.message, error.fieldErrors);
      else showFieldErrors(form, t('networkError'), {});
    }
  });
  return t('caregiverTitle');
}

export { notice };
