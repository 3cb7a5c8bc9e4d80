// Sign in with the Camunda user (the same as Tasklist). GET /session first sets the CSRF cookie (done at start).
import { field, formValues, clearErrors, showErrorSummary, showFieldErrors } from '../../shared/dom.js';
import { ApiError } from '../client.js';
import { forget } from '../queue-data.js';

/** Only a path inside the workspace is followed after signing in. */
function safeNext(value) {
  return value && /^[a-z0-9][A-Za-z0-9\-/?=&%._~]*$/.test(value) && !value.startsWith('sign-in') ? value : '';
}

export async function signInPage({ main, query, navigate, session }) {
  const next = safeNext(query.get('next'));
  if (session.current()) {
    navigate(next, { replace: true });
    return {};
  }
  main.innerHTML = `<div class="ws-narrow">
    <h1 tabindex="-1">Sign in</h1>
    <p>Sign in with your Camunda user, the same as for Tasklist.</p>
    <form id="sign-in-form" class="form" novalidate>
      ${field({ name: 'username', label: 'User name', autocomplete: 'username', required: true })}
      ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true })}
      <div class="actions"><button type="submit" class="button" id="sign-in" data-testid="sign-in">Sign in</button></div>
    </form></div>`;
  const form = main.querySelector('#sign-in-form');
  form.querySelector('input').setAttribute('spellcheck', 'false');
  form.querySelector('input').setAttribute('autocapitalize', 'none');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const values = formValues(form);
    const missing = {};
    if (!values.username) missing.username = 'Enter your user name.';
    if (!form.querySelector('#f-password').value) missing.password = 'Enter your password.';
    if (Object.keys(missing).length) {
      showFieldErrors(form, null, missing);
      return;
    }
    const button = form.querySelector('#sign-in');
    button.disabled = true;
    try {
      await session.signIn(values.username, form.querySelector('#f-password').value);
      forget();
      navigate(next, { replace: true });
    } catch (error) {
      button.disabled = false;
      form.querySelector('#f-password').value = '';
      if (error instanceof ApiError && error.status === 401) {
        showErrorSummary(form, null, [{ id: 'f-username', label: '', message: error.message && error.message !== 'HTTP 401' ? error.message : 'The user name or the password is not right.' }]);
      } else if (error instanceof ApiError && error.status === 403) {
        showErrorSummary(form, error.message && error.message !== 'HTTP 403' ? error.message : 'Your user may not use the reviewer workspace.', []);
      } else {
        showErrorSummary(form, error.status ? error.message : 'We could not reach the server. Check the connection and try again.', []);
      }
    }
  });
  return { title: 'Sign in' };
}

