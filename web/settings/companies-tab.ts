import { callApi, errorText } from './api-client.js';
import { Company } from './api-types.js';
import { autoMapPanel } from './auto-map-panel.js';
import { companyRow } from './company-row.js';
import { el, field, replaceContent, statusLine } from './dom.js';
import { searchAsYouType } from './search-as-you-type.js';

/** Every Console company with its customer and site or its suggestions; search, auto-map, map, unmap. */
export function companiesTab(): HTMLElement {
  const search = el('input', { type: 'search', name: 'search', autocomplete: 'off' });
  const filter = el('select', { name: 'filter', 'aria-label': 'Show' }, el('option', { value: 'all' }, 'All companies'), el('option', { value: 'unmapped' }, 'Unmapped'), el('option', { value: 'mapped' }, 'Mapped'));
  const status = statusLine();
  const list = el('div', {});
  const load = searchAsYouType(
    search,
    (text) => {
      status.working('Loading companies…');
      const query = new URLSearchParams({ filter: filter.value, ...(text ? { search: text } : {}) });
      return callApi<Company[]>('GET', `/api/v1/halopsa/companies?${query}`);
    },
    (companies) => {
      status.done(companies.length === 0 ? 'No company matches: clear the search, or choose "All companies".' : `${companies.length} company(ies).`);
      replaceContent(list, companies.length === 0 ? null : companiesTable(companies, load));
    },
    (error) => {
      status.failed(errorText(error));
      replaceContent(list);
    },
  );
  filter.addEventListener('change', load);
  load();
  return el(
    'div',
    {},
    el('h2', {}, 'Companies'),
    el('p', {}, 'Map each Console company to a HaloPSA customer and site: its computers become assets there.'),
    autoMapPanel(load),
    el('div', { class: 'filters' }, field('Search companies', search), filter),
    status.node,
    list,
  );
}

function companiesTable(companies: Company[], onChanged: () => void): HTMLElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Console company'), el('th', { scope: 'col' }, 'HaloPSA customer and site'), el('th', { scope: 'col' }, 'Action'))),
    el('tbody', {}, ...companies.map((company) => companyRow(company, onChanged))),
  );
}
