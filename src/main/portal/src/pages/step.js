// The current step, rendered by form-js from the same deployed Camunda Form the engine resolves for the task
// (GET .../current-step/form), prefilled with the step's values and the user's draft, submitted to
// POST .../current-step?step=<key>. Server errors go to the field that caused them and into an error summary.
// The upload step adds one file input per document; the sign step is preceded by a review of everything entered.
import { Form } from '@bpmn-io/form-js-viewer';
import { api, upload, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { esc, announce, showErrorSummary, notice } from '../dom.js';
import { indicator, isOnPath } from '../steps.js';
import { keyed, editable, inputId, adaptSchema, enhance, showServerErrors } from '../shared/camunda-form.js';
import { stepName } from './applications.js';

const CATEGORIES = ['identity', 'residency'];

function reviewedKey(no) {
  return 'mmp.reviewed.' + no;
}

export async function stepPage({ main, params, navigate }) {
  const [no] = params;
  let data;
  try {
    data = await api('GET', `/applications/${encodeURIComponent(no)}/current-step/form`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      navigate('applications/' + no, { kind: 'info', text: error.message }, true);
      return '';
    }
    throw error;
  }
  if (data.step === 'Task_SignAttestations' && sessionStorage.getItem(reviewedKey(no)) !== 'yes') {
    navigate(`applications/${no}/review`, null, true);
    return '';
  }
  const title = stepName(data);
  const isUpload = data.step === 'Task_UploadDocuments' || data.step === 'Task_ProvideInformation';
  const isSign = data.step === 'Task_SignAttestations';
  const back = isSign ? `/portal/applications/${esc(no)}/review` : `/portal/applications/${esc(no)}`;
  main.innerHTML = `<p><a href="/portal/applications/${esc(no)}" data-link>${esc(t('backToApplication'))}</a></p>
    ${isOnPath(data.kind, data.step) ? indicator(data.kind, data.step) : ''}
    <h1 tabindex="-1">${esc(title)}</h1>
    <div id="step-top"></div>
    <div id="generated-form" class="generated-form"></div>
    ${isUpload ? uploadsHtml() : ''}
    <p id="draft-status" class="hint" aria-live="off"></p>
    <div class="actions">
      <button type="button" class="button" id="next">${esc(t(isSign ? 'submitApplication' : 'saveAndContinue'))}</button>
      <button type="button" class="button button--secondary" id="save-draft">${esc(t('saveForLater'))}</button>
      <a class="button button--secondary" href="${back}" data-link id="back">${esc(t('back'))}</a>
    </div>`;

  const container = main.querySelector('#generated-form');
  const form = new Form({ container });
  const schema = adaptSchema(data.schema);
  const components = keyed(schema);
  const byKey = Object.fromEntries(components.map(c => [c.key, c]));
  await form.importSchema(schema, { ...data.values, ...data.draft });
  enhance(container, components);
  // form-js renders again after each change; keep the additions
  new MutationObserver(() => enhance(container, components)).observe(container, { childList: true, subtree: true });

  // drafts: kept on the server a moment after each change, and when the user chooses to finish later
  let draftTimer = null;
  let lastDraft = JSON.stringify(data.draft || {});
  const draftOf = () => {
    const current = form._getState().data;
    return Object.fromEntries(components.filter(editable).filter(c => current[c.key] !== undefined && current[c.key] !== null)
      .map(c => [c.key, current[c.key]]));
  };
  const saveDraft = async () => {
    clearTimeout(draftTimer);
    const draft = draftOf();
    const json = JSON.stringify(draft);
    if (json === lastDraft) return true;
    await api('PUT', `/applications/${encodeURIComponent(no)}/current-step/draft?step=${encodeURIComponent(data.step)}`, draft);
    lastDraft = json;
    main.querySelector('#draft-status').textContent = t('draftSaved', { time: new Date().toLocaleTimeString() });
    return true;
  };
  form.on('changed', () => {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => saveDraft().catch(() => {}), 1500);
  });

  main.querySelector('#save-draft').addEventListener('click', async () => {
    try {
      await saveDraft();
      navigate('applications/' + no, { kind: 'success', text: t('draftKept') });
    } catch (error) {
      showErrorSummary(main.querySelector('#step-top'), error.message, [], null);
    }
  });

  const uploads = isUpload ? await initUploads(main, no) : null;

  main.querySelector('#next').addEventListener('click', async () => {
    const top = main.querySelector('#step-top');
    top.innerHTML = '';
    const { data: submitted, errors } = form.submit();
    const clientErrors = Object.entries(errors || {}).map(([id, messages]) => {
      const component = components.find(c => c.id === id) || { label: '' };
      return { id: inputId(container, id), label: component.label, message: [].concat(messages)[0] };
    });
    const uploadErrors = uploads && data.step === 'Task_UploadDocuments' ? uploads.missing() : [];
    if (clientErrors.length || uploadErrors.length) {
      showErrorSummary(top, null, [...clientErrors, ...uploadErrors], null);
      return;
    }
    const values = Object.fromEntries(Object.entries(submitted).filter(([key]) => byKey[key] && editable(byKey[key])));
    const button = main.querySelector('#next');
    button.disabled = true;
    clearTimeout(draftTimer);
    try {
      const result = await api('POST', `/applications/${encodeURIComponent(no)}/current-step?step=${encodeURIComponent(data.step)}`, values);
      const next = result.currentStep;
      if (next && next.step === data.step) {
        // the same step again: the document check refused a file, or the card was declined
        navigate(`applications/${no}/step`, { kind: 'error', text: t('stepAgain') }, true);
      } else if (next) {
        navigate(`applications/${no}/step`, { kind: 'success', text: t('stepSaved') });
      } else {
        navigate('applications/' + no, { kind: 'success', text: t(isSign ? 'submittedNotice' : 'stepSaved') });
      }
    } catch (error) {
      button.disabled = false;
      if (error instanceof ApiError && error.status === 400) {
        showServerErrors(form, container, top, components, error);
      } else if (error instanceof ApiError && error.status === 409) {
        showErrorSummary(top, error.message, [], null);
      } else {
        showErrorSummary(top, error.status ? error.message : t('networkError'), [], null);
      }
    }
  });
  return title;
}

function uploadsHtml() {
  return `<section class="uploads" aria-labelledby="uploads-title">
    <h2 id="uploads-title">${esc(t('yourDocuments'))}</h2>
    ${CATEGORIES.map(category => `
      <div class="field upload" data-category="${category}">
        <label for="file-${category}">${esc(t('document_' + category))}</label>
        <p class="hint" id="file-${category}-hint">${esc(t('uploadHint'))}</p>
        <p class="upload__current" id="file-${category}-current"></p>
        <p class="field-error" id="file-${category}-error" hidden></p>
        <input type="file" id="file-${category}" name="file-${category}"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby="file-${category}-hint file-${category}-current">
        <progress id="file-${category}-progress" max="100" value="0" hidden aria-label="${esc(t('uploadProgress', { document: t('document_' + category) }))}"></progress>
        <p class="upload__status" id="file-${category}-status" role="status"></p>
      </div>`).join('')}
  </section>`;
}

function size(bytes) {
  return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

async function initUploads(main, no) {
  const current = {};
  const documents = await api('GET', `/applications/${encodeURIComponent(no)}/documents`);
  documents.forEach(doc => { current[doc.category] = doc; });
  const show = category => {
    const doc = current[category];
    main.querySelector(`#file-${category}-current`).textContent = doc
      ? t('uploadedFile', { name: doc.filename, size: size(doc.size) }) : t('notUploaded');
  };
  CATEGORIES.forEach(category => {
    show(category);
    const input = main.querySelector(`#file-${category}`);
    const error = main.querySelector(`#file-${category}-error`);
    const progress = main.querySelector(`#file-${category}-progress`);
    const status = main.querySelector(`#file-${category}-status`);
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `file-${category}-hint file-${category}-current`);
      input.closest('.field').classList.remove('field--error');
      progress.hidden = false;
      progress.value = 0;
      status.textContent = t('uploading', { name: file.name });
      const body = new FormData();
      body.append('category', category);
      body.append('file', file);
      try {
        current[category] = await upload(`/applications/${encodeURIComponent(no)}/documents`, body, percent => { progress.value = percent; });
        progress.hidden = true;
        show(category);
        status.textContent = t('uploaded', { name: file.name });
      } catch (failure) {
        progress.hidden = true;
        const message = failure.status === 413
          ? failure.message
          : (failure.fieldErrors && failure.fieldErrors.file) ? failure.message : (failure.message || t('networkError'));
        error.innerHTML = `<span class="visually-hidden">${esc(t('errorPrefix'))}</span> ${esc(message)}`;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `file-${category}-hint file-${category}-current file-${category}-error`);
        input.closest('.field').classList.add('field--error');
        status.textContent = t('uploadFailed', { name: file.name });
        input.value = '';
      }
    });
  });
  return {
    missing: () => CATEGORIES.filter(category => !current[category])
      .map(category => ({ id: `file-${category}`, label: t('document_' + category), message: t('uploadMissing') }))
  };
}

function display(component, value) {
  if (value === true) return t('yes');
  if (value === false) return t('no');
  if (Array.isArray(component.values)) {
    const option = component.values.find(o => String(o.value) === String(value));
    if (option) return option.label;
  }
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Everything entered so far, before the attestations are signed (WCAG 3.3.4). */
export async function reviewPage({ main, params, navigate }) {
  const [no] = params;
  const [app, answers, documents] = await Promise.all([
    api('GET', '/applications/' + encodeURIComponent(no)),
    api('GET', `/applications/${encodeURIComponent(no)}/answers`),
    api('GET', `/applications/${encodeURIComponent(no)}/documents`)
  ]);
  if (!app.currentStep || app.currentStep.step !== 'Task_SignAttestations') {
    navigate('applications/' + no, null, true);
    return '';
  }
  const sections = answers.map(answer => {
    const rows = keyed(answer.schema)
      .filter(c => answer.values[c.key] !== undefined && answer.values[c.key] !== '' && c.label)
      .map(c => `<div><dt>${esc(c.label)}</dt><dd>${esc(display(c, answer.values[c.key]))}</dd></div>`).join('');
    if (answer.step === 'Task_UploadDocuments') {
      return `<section><h2>${esc(stepName(answer))}</h2><dl class="summary">${documents.map(doc =>
        `<div><dt>${esc(t('document_' + doc.category))}</dt><dd>${esc(doc.filename)} (${esc(size(doc.size))})</dd></div>`).join('')}</dl></section>`;
    }
    return rows ? `<section><h2>${esc(stepName(answer))}</h2><dl class="summary">${rows}</dl></section>` : '';
  }).join('');
  main.innerHTML = `<p><a href="/portal/applications/${esc(no)}" data-link>${esc(t('backToApplication'))}</a></p>
    ${indicator(app.kind, 'review')}
    <h1 tabindex="-1">${esc(t('reviewTitle'))}</h1>
    <p>${esc(t('reviewIntro'))}</p>
    ${sections}
    <p>${esc(t('reviewCorrections'))}</p>
    <div class="actions">
      <button type="button" class="button" id="to-sign">${esc(t('continueToSign'))}</button>
      <a class="button button--secondary" href="/portal/applications/${esc(no)}" data-link>${esc(t('back'))}</a>
    </div>`;
  main.querySelector('#to-sign').addEventListener('click', () => {
    sessionStorage.setItem(reviewedKey(no), 'yes');
    navigate(`applications/${no}/step`);
  });
  return t('reviewTitle');
}

export { notice };
