// Sign-in, activation (from the invitation e-mail), a new activation link, forgot and reset password.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { esc, field, formValues, clearErrors, showFieldErrors, notice } from '../dom.js';

const passwordHint = () => t('passwordHint');

function page(main, title, intro, formHtml, after = '') {
  main.innerHTML = `<h1 tabindex="-1">${esc(title)}</h1>${intro ? `<p>${esc(intro)}</p>` : ''}
    <form novalidate class="form">${formHtml}</form>${after}`;
  return main.querySelector('form');
}

function failure(form, error) {
  if (error instanceof ApiError && error.status === 400) {
    showFieldErrors(form, error.body.message, error.fieldErrors);
  } else if (error instanceof ApiError && error.status === 429) {
    showFieldErrors(form, t('throttled', { seconds: error.body.retryAfterSeconds ?? 60 }), {});
  } else if (error instanceof ApiError && error.status !== 0) {
    showFieldErrors(form, error.message, {});
  } else {
    showFieldErrors(form, t('networkError'), {});
  }
}

/** Client-side checks of required fields and the repeated password, in the same shape as the server's errors. */
function missing(values, names) {
  const errors = {};
  names.forEach(name => { if (!values[name]) errors[name] = t('required'); });
  if ('passwordRepeat' in values && values.password && values.password !== values.passwordRepeat) {
    errors.passwordRepeat = t('passwordsDiffer');
  }
  return errors;
}

function busy(form, on) {
  form.querySelectorAll('button').forEach(b => { b.disabled = on; });
  form.setAttribute('aria-busy', on ? 'true' : 'false');
}

export async function signIn({ main, query, navigate, session }) {
  if (session.current()) {
    navigate(session.current().role === 'PROVIDER' ? 'provider' : '', null, true);
    return t('signInTitle');
  }
  const form = page(main, t('signInTitle'), t('signInIntro'),
    field({ name: 'email', label: t('email'), type: 'email', autocomplete: 'username', required: true, value: query.get('email') || '' }) +
    field({ name: 'password', label: t('password'), type: 'password', autocomplete: 'current-password', required: true }) +
    `<button type="submit" class="button">${esc(t('signIn'))}</button>`,
    `<ul class="links">
      <li><a href="/portal/forgot-password" data-link>${esc(t('forgotPasswordLink'))}</a></li>
      <li><a href="/portal/activation-link" data-link>${esc(t('resendActivationLink'))}</a></li>
    </ul><h2>${esc(t('newHereTitle'))}</h2><p>${esc(t('newHereText'))}</p>`);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = missing(values, ['email', 'password']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      const user = await session.signIn(values.email, values.password);
      const next = query.get('next');
      navigate(next && !next.startsWith('/') && !next.includes('//') ? next : (user.role === 'PROVIDER' ? 'provider' : ''));
    } catch (error) {
      busy(form, false);
      if (error instanceof ApiError && error.status === 401) showFieldErrors(form, error.message || t('wrongCredentials'), {});
      else failure(form, error);
    }
  });
  return t('signInTitle');
}

export async function activate({ main, query, navigate, session }) {
  const form = page(main, t('activateTitle'), t('activateIntro'),
    field({ name: 'email', label: t('email'), type: 'email', autocomplete: 'username', required: true, value: query.get('email') || '' }) +
    field({ name: 'invitationCode', label: t('invitationCode'), hint: t('invitationCodeHint'), required: true, autocomplete: 'one-time-code', value: query.get('code') || '' }) +
    field({ name: 'password', label: t('newPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint() }) +
    field({ name: 'passwordRepeat', label: t('repeatPassword'), type: 'password', autocomplete: 'new-password', required: true }) +
    `<button type="submit" class="button">${esc(t('activate'))}</button>`,
    `<p><a href="/portal/activation-link" data-link>${esc(t('resendActivationLink'))}</a></p>`);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = missing(values, ['email', 'invitationCode', 'password', 'passwordRepeat']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      // signed in at once with the new password: straight on to the application, no second screen
      await api('POST', '/accounts/activate', { email: values.email, invitationCode: values.invitationCode, password: values.password, signIn: true });
      const user = await session.load();
      navigate(user && user.role === 'PROVIDER' ? 'provider' : '', { kind: 'success', text: t('activated') });
    } catch (error) {
      busy(form, false);
      failure(form, error);
    }
  });
  return t('activateTitle');
}

async function emailOnly(main, title, intro, button, path, done) {
  const form = page(main, title, intro,
    field({ name: 'email', label: t('email'), type: 'email', autocomplete: 'email', required: true }) +
    `<button type="submit" class="button">${esc(button)}</button>`,
    `<p><a href="/portal/sign-in" data-link>${esc(t('backToSignIn'))}</a></p>`);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = missing(values, ['email']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      await api('POST', path, { email: values.email });
      clearErrors(form);
      form.outerHTML = notice('success', done);
      main.querySelector('.notice').setAttribute('tabindex', '-1');
      main.querySelector('.notice').focus();
    } catch (error) {
      busy(form, false);
      failure(form, error);
    }
  });
  return title;
}

export function resendActivation({ main }) {
  return emailOnly(main, t('resendTitle'), t('resendIntro'), t('resendButton'), '/accounts/activation-link', t('resendDone'));
}

export function forgotPassword({ main }) {
  return emailOnly(main, t('forgotTitle'), t('forgotIntro'), t('forgotButton'), '/accounts/password-reset', t('forgotDone'));
}

export async function resetPassword({ main, query, navigate }) {
  const token = query.get('token') || '';
  const form = page(main, t('resetTitle'), t('resetIntro'),
    field({ name: 'email', label: t('email'), type: 'email', autocomplete: 'username', required: true, value: query.get('email') || '' }) +
    `<input type="hidden" name="token" value="${esc(token)}">` +
    field({ name: 'password', label: t('newPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint() }) +
    field({ name: 'passwordRepeat', label: t('repeatPassword'), type: 'password', autocomplete: 'new-password', required: true }) +
    `<button type="submit" class="button">${esc(t('resetButton'))}</button>`,
    `<p><a href="/portal/forgot-password" data-link>${esc(t('newResetLink'))}</a></p>`);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = formValues(form);
    const errors = missing(values, ['email', 'password', 'passwordRepeat']);
    if (Object.keys(errors).length) return showFieldErrors(form, null, errors);
    busy(form, true);
    try {
      await api('POST', '/accounts/password-reset/confirm', { email: values.email, token: values.token, password: values.password });
      navigate('sign-in?email=' + encodeURIComponent(values.email), { kind: 'success', text: t('passwordChanged') });
    } catch (error) {
      busy(form, false);
      // the token is not a visible field: its error goes into the summary's message
      if (error instanceof ApiError && error.fieldErrors.token) {
        const { token: tokenError, ...rest } = error.fieldErrors;
        showFieldErrors(form, tokenError + ' ' + t('newResetLinkHint'), rest);
      } else {
        failure(form, error);
      }
    }
  });
  return t('resetTitle');
}
