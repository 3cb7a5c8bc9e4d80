// The portal's page helpers (shared/dom.js) with its own translated words.
import { t } from './i18n.js';
import { configureTexts } from './shared/dom.js';

configureTexts(key => t(key));

export { esc, announce, field, formValues, clearErrors, showErrorSummary, showFieldErrors, notice } from './shared/dom.js';
