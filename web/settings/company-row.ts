import { callApi, errorText } from './api-client.js';
import { Company, UnmapResult } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';

const companyPath = (company: Company): string => `/api/v1/halopsa/companies/${encodeURIComponent(company.companyId)}`;

/** One company: its customer and site with Unmap, or its suggestions with Map. `onChanged` reloads the list. */
export function companyRow(company: Company, onChanged: () => void): HTMLElement {
  const status = statusLine();
  const actions = el('td', {});
  const mapping = company.mapping;
  const shown = mapping ? `${mapping.customerName} — ${mapping.siteName}` : suggestionText(company);
  replaceContent(actions, mapping ? unmapButton(company, status, actions, onChanged) : mapControls(company, status, onChanged), status.node);
  return el('tr', {}, el('th', { scope: 'row' }, company.companyName), el('td', {}, shown), actions);
}

function suggestionText(company: Company): string {
  const suggestion = company.suggestion;
  if (!suggestion || suggestion.kind === 'none') return 'Not mapped. No HaloPSA customer has this name: enter the customer\'s id.';
  if (suggestion.kind === 'exact') return `Not mapped. Suggested: ${suggestion.customers[0].name}`;
  return `Not mapped. ${suggestion.customers.length} HaloPSA customers have this name: choose one.`;
}

/** A customer picker: the suggested customers, or the customer's id when there is none. */
function mapControls(company: Company, status: ReturnType<typeof statusLine>, onChanged: () => void): HTMLElement {
  const candidates = company.suggestion?.customers ?? [];
  const label = `HaloPSA customer for ${company.companyName}`;
  const picker: HTMLInputElement | HTMLSelectElement = candidates.length > 0
    ? el('select', { 'aria-label': label }, ...candidates.map((c) => el('option', { value: String(c.id) }, `${c.name} (id ${c.id})`)))
    : el('input', { type: 'number', min: '1', inputmode: 'numeric', 'aria-label': `${label} (id)`, placeholder: 'Customer id' });
  const map = el('button', { type: 'button' }, 'Map');
  map.addEventListener('click', () => {
    status.working('Mapping…');
    callApi('PUT', companyPath(company), { customerId: Number(picker.value) }).then(onChanged, (error: unknown) => status.failed(errorText(error)));
  });
  return el('span', { class: 'inline' }, picker, map);
}

/** Unmap shows its dry run's consequences first, then asks to confirm. */
function unmapButton(company: Company, status: ReturnType<typeof statusLine>, cell: HTMLElement, onChanged: () => void): HTMLElement {
  const unmap = el('button', { type: 'button', class: 'secondary' }, 'Unmap…');
  unmap.addEventListener('click', () => {
    status.working('Looking at what unmapping would do…');
    callApi<UnmapResult>('DELETE', `${companyPath(company)}?dryRun=true`).then(
      (preview) => {
        const confirm = el('button', { type: 'button', class: 'danger' }, 'Confirm unmap');
        const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
        status.done(`Unmapping stops syncing ${company.companyName} and unlinks its ${preview.unlinkedComputers} linked computer(s); their HaloPSA assets stay.`);
        replaceContent(cell, el('span', { class: 'inline' }, confirm, cancel), status.node);
        confirm.focus();
        cancel.addEventListener('click', onChanged);
        confirm.addEventListener('click', () => {
          status.working('Unmapping…');
          callApi('DELETE', companyPath(company)).then(onChanged, (error: unknown) => status.failed(errorText(error)));
        });
      },
      (error: unknown) => status.failed(errorText(error)),
    );
  });
  return unmap;
}
