// The portal's session (shared/session.js): signed in with an e-mail address, the warning in the chosen language.
import * as client from './api.js';
import { t } from './i18n.js';
import { createSession } from './shared/session.js';

const session = createSession({ client, text: t, credentials: (email, password) => ({ email, password }) });

export const { current, whenEnded, load, signIn, signOut, extend, initDialog } = session;
