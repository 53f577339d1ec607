import { ApiError, callApi, errorText, useCsrfToken } from './api-client.js';
import { authenticationTab } from './authentication-tab.js';
import { companiesTab } from './companies-tab.js';
import { computersTab } from './computers-tab.js';
import { el, replaceContent } from './dom.js';
import { licencesTab } from './licences-tab.js';
import { removeTab } from './remove-tab.js';
import { SessionView, signInView } from './sign-in-view.js';
import { syncTab } from './sync-tab.js';
import { tabs } from './tabs.js';

/** Settings > Integrations > HaloPSA: signs in, then shows one tab per step of the integration. */
const root = document.getElementById('app') as HTMLElement;

const SPENT_LINK = 'That sign-in link was already used or has expired: sign in with your API key, or ask for a new link.';

function showSignIn(): void {
  useCsrfToken(undefined);
  const spentLink = new URLSearchParams(location.search).get('link') === 'spent';
  replaceContent(root, signInView(showSettings, spentLink ? SPENT_LINK : undefined));
}

function showSettings(session: SessionView): void {
  useCsrfToken(session.csrfToken);
  history.replaceState(null, '', '/settings');
  const signOut = el('button', { type: 'button', class: 'sign-out' }, 'Sign out');
  signOut.addEventListener('click', () => {
    callApi('POST', '/settings/session/sign-out').then(showSignIn, (error: unknown) => alertError(error));
  });
  const steps = [
    { id: 'authentication', label: 'Authentication', render: authenticationTab },
    { id: 'companies', label: 'Companies', render: companiesTab },
    { id: 'licences', label: 'Licences', render: licencesTab },
    { id: 'computers', label: 'Computers', render: computersTab },
    { id: 'sync', label: 'Sync', render: syncTab },
    { id: 'remove', label: 'Remove integration', render: removeTab },
  ];
  replaceContent(root, el('div', { class: 'session' }, signOut), tabs(steps));
}

function alertError(error: unknown): void {
  root.prepend(el('p', { class: 'error', role: 'alert' }, errorText(error)));
}

callApi<SessionView>('GET', '/settings/session').then(showSettings, (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) showSignIn();
  else replaceContent(root, el('p', { class: 'error', role: 'alert' }, errorText(error)));
});
