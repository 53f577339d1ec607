import { callApi, errorText } from './api-client.js';
import { Computer } from './api-types.js';
import { el, statusLine } from './dom.js';

const STATES = { linked: 'Linked', unlinked: 'Not linked', excluded: 'Excluded' } as const;

/** One computer: link it to a suggested asset or exclude it; unlink (or include again) otherwise. */
export function computerRow(computer: Computer, onChanged: () => void): HTMLElement {
  const status = statusLine();
  const path = `/api/v1/halopsa/computers/${encodeURIComponent(computer.hid)}`;
  const send = (method: string, body?: unknown): void => {
    status.working('Saving…');
    callApi(method, path, body).then(onChanged, (error: unknown) => status.failed(errorText(error)));
  };
  const button = (text: string, action: () => void, kind = ''): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: kind }, text);
    b.addEventListener('click', action);
    return b;
  };
  const actions = el('span', { class: 'inline' });
  if (computer.state === 'unlinked') {
    const suggestions = computer.suggestions ?? [];
    if (suggestions.length > 0) {
      const picker = el('select', { 'aria-label': `Asset to link ${computer.hostName} to` }, ...suggestions.map((s) => el('option', { value: String(s.assetId) }, `Asset ${s.assetId} (${s.reason}${s.customerMismatch ? ', another customer' : ''})`)));
      actions.append(picker, button('Link', () => send('PUT', { action: 'link', assetId: Number(picker.value) })));
    }
    actions.append(button('Exclude', () => send('PUT', { action: 'exclude' }), 'secondary'));
  } else {
    actions.append(button(computer.state === 'linked' ? 'Unlink' : 'Include again', () => send('DELETE'), 'secondary'));
  }
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, computer.hostName),
    el('td', {}, computer.companyName),
    el('td', {}, computer.licenseType ?? '—'),
    el('td', {}, computer.haloAssetId ? `${STATES[computer.state]} (asset ${computer.haloAssetId})` : STATES[computer.state]),
    el('td', {}, actions, status.node),
  );
}
