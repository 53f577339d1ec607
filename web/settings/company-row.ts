import { callApi, errorText } from './api-client.js';
import { Company, UnmapResult } from './api-types.js';
import { disclosure } from './disclosure.js';
import { CustomerSite, customerSitePicker } from './customer-site-picker.js';
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
  if (!suggestion || suggestion.kind === 'none') return 'Not mapped. No HaloPSA customer has this name: find one.';
  if (suggestion.kind === 'exact') return `Not mapped. Suggested: ${suggestion.customers[0].name}`;
  return `Not mapped. ${suggestion.customers.length} HaloPSA customers have this name: choose one.`;
}

type MapTo = { customerId: number; siteId?: number };

/** The suggested customers to map to (their main site), and a search over every customer and its sites. */
function mapControls(company: Company, status: ReturnType<typeof statusLine>, onChanged: () => void): HTMLElement {
  const save = (mapTo: MapTo): void => {
    status.working('Mapping…');
    callApi('PUT', companyPath(company), mapTo).then(onChanged, (error: unknown) => status.failed(errorText(error)));
  };
  const candidates = company.suggestion?.customers ?? [];
  const find = disclosure(candidates.length > 0 ? 'Find another customer…' : 'Find a customer…', () => searchedMapping(company, save));
  return el('div', {}, candidates.length > 0 ? suggestedMapping(company, candidates, save) : null, find.button, find.region);
}

function suggestedMapping(company: Company, candidates: { id: number; name: string }[], save: (mapTo: MapTo) => void): HTMLElement {
  const picker = el('select', { 'aria-label': `Suggested HaloPSA customer for ${company.companyName}` }, ...candidates.map((c) => el('option', { value: String(c.id) }, `${c.name} (id ${c.id})`)));
  const map = el('button', { type: 'button' }, 'Map');
  map.addEventListener('click', () => save({ customerId: Number(picker.value) }));
  return el('span', { class: 'inline' }, picker, map);
}

function searchedMapping(company: Company, save: (mapTo: MapTo) => void): HTMLElement {
  const map = el('button', { type: 'button', disabled: true }, 'Map to this site');
  let chosen: CustomerSite | undefined;
  const picker = customerSitePicker(company.companyName, (choice) => {
    chosen = choice;
    map.disabled = !choice;
  });
  map.addEventListener('click', () => chosen && save(chosen));
  return el('div', {}, picker, map);
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
