// Small helpers for accessible pages, shared by the portal and the reviewer workspace: escaping, fields with
// label/hint/error, the error summary (GOV.UK pattern: a list of links to the fields, focused when it appears), and
// announcements for screen readers. The few words they add come from the page's own catalogue (configureTexts).

const ENGLISH = { errorSummaryTitle: 'There is a problem', errorPrefix: 'Error:', optional: '(optional)' };
let t = key => ENGLISH[key] ?? key;

/** text: key -> string for errorSummaryTitle, errorPrefix, optional. */
export function configureTexts(text) {
  t = text;
}

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

/**
 * One labelled input. options: name, label, type, hint, autocomplete, required, value, options (select),
 * inputmode, min, max, checked (checkbox).
 */
export function field(o) {
  const id = (o.prefix || 'f') + '-' + o.name;
  const hint = o.hint ? `<p class="hint" id="${id}-hint">${esc(o.hint)}</p>` : '';
  const described = o.hint ? ` aria-describedby="${id}-hint"` : '';
  const required = o.required ? ' required aria-required="true"' : '';
  const auto = o.autocomplete ? ` autocomplete="${o.autocomplete}"` : '';
  const extra = (o.inputmode ? ` inputmode="${o.inputmode}"` : '') + (o.min ? ` min="${o.min}"` : '') + (o.max ? ` max="${o.max}"` : '');
  if (o.type === 'checkbox') {
    return `<div class="field field--checkbox" data-field="${esc(o.name)}">
      <input type="checkbox" id="${id}" name="${esc(o.name)}"${o.checked ? ' checked' : ''}${described}>
      <label for="${id}">${esc(o.label)}</label>${hint}</div>`;
  }
  let control;
  if (o.type === 'select') {
    control = `<select id="${id}" name="${esc(o.name)}"${required}${described}>${o.options.map(opt =>
      `<option value="${esc(opt.value)}"${String(opt.value) === String(o.value ?? '') ? ' selected' : ''}>${esc(opt.label)}</option>`).join('')}</select>`;
  } else if (o.type === 'textarea') {
    control = `<textarea id="${id}" name="${esc(o.name)}" rows="4"${required}${described}>${esc(o.value)}</textarea>`;
  } else {
    control = `<input id="${id}" name="${esc(o.name)}" type="${o.type || 'text'}" value="${esc(o.value)}"${required}${auto}${extra}${described}>`;
  }
  return `<div class="field" data-field="${esc(o.name)}">
    <label for="${id}">${esc(o.label)}${o.required ? '' : ` <span class="optional">${esc(t('optional'))}</span>`}</label>
    ${hint}${control}</div>`;
}

export function formValues(form) {
  const values = {};
  form.querySelectorAll('input, select, textarea').forEach(el => {
    if (!el.name) return;
    values[el.name] = el.type === 'checkbox' ? el.checked : el.value.trim();
  });
  return values;
}

/** Removes earlier errors of a plain form and its summary. */
export function clearErrors(container) {
  container.querySelectorAll('.error-summary').forEach(el => el.remove());
  container.querySelectorAll('.field-error').forEach(el => el.remove());
  container.querySelectorAll('[aria-invalid]').forEach(el => {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') || '').split(' ').filter(id => !id.endsWith('-error')).join(' ');
    if (described) el.setAttribute('aria-describedby', described); else el.removeAttribute('aria-describedby');
  });
  container.querySelectorAll('.field--error').forEach(el => el.classList.remove('field--error'));
}

/**
 * Shows the errors: a message at each field (linked by aria-describedby, aria-invalid) and a summary with links to
 * them at the top of the container, focused. items: [{id (of the input), label, message}]; message: the general one.
 */
export function showErrorSummary(container, message, items, before) {
  container.querySelectorAll('.error-summary').forEach(el => el.remove());
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  summary.setAttribute('tabindex', '-1');
  summary.setAttribute('aria-labelledby', 'error-summary-title');
  summary.innerHTML = `<h2 id="error-summary-title">${esc(t('errorSummaryTitle'))}</h2>
    ${message ? `<p>${esc(message)}</p>` : ''}
    ${items.length ? `<ul>${items.map(item => `<li><a href="#${esc(item.id)}" data-focus="${esc(item.id)}">${esc(item.label ? item.label + ': ' : '')}${esc(item.message)}</a></li>`).join('')}</ul>` : ''}`;
  summary.addEventListener('click', event => {
    const link = event.target.closest('a[data-focus]');
    if (!link) return;
    event.preventDefault();
    const target = document.getElementById(link.dataset.focus);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  });
  (before || container.firstElementChild) ? container.insertBefore(summary, before || container.firstElementChild) : container.appendChild(summary);
  summary.focus();
  return summary;
}

/** Field errors of a plain form from the server's fieldErrors (keys = input names). */
export function showFieldErrors(form, message, fieldErrors) {
  clearErrors(form);
  const items = [];
  Object.entries(fieldErrors || {}).forEach(([name, text]) => {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) {
      items.push({ id: '', label: '', message: text });
      return;
    }
    const wrapper = input.closest('.field');
    wrapper.classList.add('field--error');
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = input.id + '-error';
    error.innerHTML = `<span class="visually-hidden">${esc(t('errorPrefix'))}</span> ${esc(text)}`;
    const label = wrapper.querySelector('label');
    label.insertAdjacentElement('afterend', error);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    items.push({ id: input.id, label: label.textContent.replace(t('optional'), '').trim(), message: text });
  });
  showErrorSummary(form, message, items);
}

export function notice(kind, text) {
  return `<div class="notice notice--${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${esc(text)}</div>`;
}
