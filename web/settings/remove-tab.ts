import { callApi, errorText } from './api-client.js';
import { IntegrationStatus, ManualAction, Removal, RemovalPreview } from './api-types.js';
import { el, field, replaceContent, statusLine } from './dom.js';

/** How often a removal under way is read again. */
const FOLLOW_MS = 2_000;

/**
 * Remove integration: confirm by typing the HaloPSA URL, see what goes and what stays, then follow
 * the removal's steps, and settle what HaloPSA refused (Retry, or Done by hand).
 */
export function removeTab(): HTMLElement {
  const body = el('div', {}, el('p', { class: 'status progress' }, 'Loading…'));
  callApi<Removal>('GET', '/api/v1/halopsa/removal').then(
    (removal) => replaceContent(body, followRemoval(removal)),
    () =>
      callApi<IntegrationStatus>('GET', '/api/v1/halopsa').then(
        (status) => replaceContent(body, status.halo ? confirmForm(status.halo.url, (removal) => replaceContent(body, followRemoval(removal))) : el('p', {}, 'Nothing to remove: HaloPSA is not connected.')),
        (error: unknown) => replaceContent(body, el('p', { class: 'error' }, errorText(error))),
      ),
  );
  return el('div', {}, el('h2', {}, 'Remove integration'), body);
}

function confirmForm(haloUrl: string, started: (removal: Removal) => void): HTMLElement {
  const typed = el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const preview = el('div', {});
  const status = statusLine();
  const previewButton = el('button', { type: 'button', class: 'secondary' }, 'Show what removal does');
  const remove = el('button', { type: 'submit', class: 'danger', disabled: true }, 'Remove');
  typed.addEventListener('input', () => (remove.disabled = typed.value.trim() !== haloUrl));
  previewButton.addEventListener('click', () => {
    status.working('Reading what would be removed…');
    callApi<RemovalPreview>('DELETE', '/api/v1/halopsa?dryRun=true').then(
      (answer) => {
        status.done('Nothing has been removed yet.');
        replaceContent(preview, listSection('It removes', answer.willRemove), listSection('It leaves', answer.willStay));
      },
      (error: unknown) => status.failed(errorText(error)),
    );
  });
  const form = el(
    'form',
    { 'aria-labelledby': 'remove-title' },
    el('p', { id: 'remove-title' }, 'Removing stops syncing, deletes what the integration created in HaloPSA and forgets its credentials and mappings. The assets stay.'),
    previewButton,
    preview,
    field(`Type the HaloPSA URL (${haloUrl}) to confirm`, typed),
    remove,
    status.node,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.working('Starting the removal…');
    callApi<Removal>('DELETE', '/api/v1/halopsa').then(started, (error: unknown) => status.failed(errorText(error)));
  });
  return form;
}

function listSection(title: string, items: string[]): HTMLElement {
  return el('section', { 'aria-label': title }, el('h3', {}, title), el('ul', {}, ...items.map((item) => el('li', {}, item))));
}

/** The removal's steps, live until it is done, with each manual action and its buttons. */
function followRemoval(first: Removal): HTMLElement {
  const view = el('div', { 'aria-live': 'polite' });
  const status = statusLine();
  /** What the last Retry or "Done by hand" came to, kept while the removal's own state updates. */
  const outcome = statusLine();
  let timer: number | undefined;
  const show = (removal: Removal): void => {
    replaceContent(view, stepsTable(removal), ...removal.manualActions.map((action) => actionCard(action, removal.state === 'removing', settle)));
    if (removal.state === 'removed') status.done(`Removed. ${removal.assetsRemaining ?? 0} HaloPSA assets remain, no longer synced.`);
    else status.working(removal.waitingUntil ? `Waiting for you until ${new Date(removal.waitingUntil).toLocaleString()}: settle the actions below.` : 'Removing…');
    window.clearTimeout(timer);
    if (removal.state === 'removing') timer = window.setTimeout(load, FOLLOW_MS);
  };
  /** Stops once the tab is left (the view is no longer in the page). */
  const load = (): void => {
    if (!view.isConnected) return;
    callApi<Removal>('GET', '/api/v1/halopsa/removal').then(show, (error: unknown) => status.failed(errorText(error)));
  };
  const settle = (action: ManualAction, how: 'retry' | 'resolve'): void => {
    outcome.working(how === 'retry' ? `Trying "${action.what}" again…` : 'Recording it as done by hand…');
    callApi<ManualAction>('POST', `/api/v1/halopsa/removal/actions/${encodeURIComponent(action.id)}/${how}`).then(
      (settled) => {
        if (settled.state === 'open') outcome.failed(`It failed again (attempt ${settled.attempts ?? '?'}): ${settled.why}`);
        else outcome.done(settled.state === 'done-by-retry' ? 'Done by the retry.' : 'Recorded as done by hand.');
        load();
      },
      (error: unknown) => outcome.failed(errorText(error)),
    );
  };
  show(first);
  return el('div', {}, status.node, outcome.node, view);
}

function stepsTable(removal: Removal): HTMLElement {
  return el(
    'table',
    {},
    el('caption', {}, `Removal ${removal.state === 'removed' ? 'finished' : 'under way'}`),
    el('thead', {}, el('tr', {}, ...['Step', 'Outcome', 'Detail'].map((title) => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, ...removal.steps.map((step) => el('tr', {}, el('th', { scope: 'row' }, step.step), el('td', {}, step.outcome), el('td', {}, step.detail ?? '')))),
  );
}

const ACTION_STATES: Record<ManualAction['state'], string> = { open: 'open', retrying: 'being tried again', 'done-by-retry': 'done by a retry', 'resolved-by-hand': 'done by hand' };

function actionCard(action: ManualAction, live: boolean, settle: (action: ManualAction, how: 'retry' | 'resolve') => void): HTMLElement {
  const settled = action.state === 'done-by-retry' || action.state === 'resolved-by-hand';
  const buttons = live && action.state === 'open' ? [button('Retry', () => settle(action, 'retry')), button('Done by hand', () => settle(action, 'resolve'), 'secondary')] : [];
  return el(
    'section',
    { class: settled ? 'manual-action settled' : 'manual-action', 'aria-label': `Manual action: ${action.step}` },
    el('h3', {}, `${settled ? 'Done' : 'For you to do'}: ${action.what}`),
    el('p', {}, `Where: ${action.where}`),
    el('p', {}, `Why: ${action.why}`),
    el('p', {}, `State: ${ACTION_STATES[action.state]}${action.attempts ? `, tried ${action.attempts} time(s)` : ''}${action.lastTriedAt ? `, last ${new Date(action.lastTriedAt).toLocaleString()}` : ''}.`),
    el('div', { class: 'inline' }, ...buttons),
  );
}

function button(label: string, onClick: () => void, kind?: string): HTMLButtonElement {
  const node = el('button', { type: 'button', ...(kind ? { class: kind } : {}) }, label);
  node.addEventListener('click', onClick);
  return node;
}
