import { callApi, errorText } from './api-client.js';
import { el, field, statusLine } from './dom.js';

export interface SessionView {
  tenantId: string;
  csrfToken: string;
  expiresAt: string;
}

/** The sign-in form: the API key goes to the API once, is traded for a session cookie, and is forgotten. */
export function signInView(onSignedIn: (session: SessionView) => void, notice?: string): HTMLElement {
  const key = el('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: 'false' });
  const status = statusLine();
  const form = el(
    'form',
    { class: 'card', 'aria-labelledby': 'sign-in-title' },
    el('h2', { id: 'sign-in-title' }, 'Sign in'),
    notice ? el('p', { class: 'error', role: 'alert' }, notice) : null,
    el('p', {}, 'Use the API key your operator created for your Console administrator account. The page keeps only a session, never the key.'),
    field('API key', key, 'Starts with hpk_'),
    el('button', { type: 'submit' }, 'Sign in'),
    status.node,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.working('Signing in…');
    const apiKey = key.value;
    key.value = '';
    callApi<SessionView>('POST', '/settings/session', { apiKey })
      .then(onSignedIn)
      .catch((error: unknown) => status.failed(errorText(error)));
  });
  return form;
}
