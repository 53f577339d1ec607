import { callApi, errorText } from './api-client.js';
import { ComputerPage } from './api-types.js';
import { computerRow } from './computer-row.js';
import { el, field, replaceContent, statusLine } from './dom.js';
import { exportPanel } from './export-panel.js';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

/** Computers of mapped companies, one page at a time (the API pages, so 10,000 stay fast); filters, link, exclude, export. */
export function computersTab(): HTMLElement {
  const state = el('select', { name: 'state', 'aria-label': 'Show computers' }, el('option', { value: '' }, 'All computers'), el('option', { value: 'unlinked' }, 'Not linked'), el('option', { value: 'linked' }, 'Linked'), el('option', { value: 'excluded' }, 'Excluded'));
  const search = el('input', { type: 'search', name: 'search', autocomplete: 'off' });
  const status = statusLine();
  const list = el('div', {});
  const previous = el('button', { type: 'button', class: 'secondary' }, 'Previous page');
  const next = el('button', { type: 'button', class: 'secondary' }, 'Next page');
  let page = 1;
  let shown = 0;

  const load = (): void => {
    const request = ++shown;
    status.working('Loading computers…');
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(state.value ? { state: state.value } : {}), ...(search.value.trim() ? { search: search.value.trim() } : {}) });
    callApi<ComputerPage>('GET', `/api/v1/halopsa/computers?${query}`).then(
      (answer) => {
        if (request !== shown) return; // a newer filter answered first
        const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
        status.done(answer.total === 0 ? 'No computer here: map companies first (Companies tab), or change the filters.' : `${answer.total} computer(s), page ${answer.page} of ${pages}.`);
        previous.disabled = answer.page <= 1;
        next.disabled = answer.page >= pages;
        replaceContent(list, answer.items.length === 0 ? null : computersTable(answer, load));
      },
      (error: unknown) => {
        if (request !== shown) return;
        status.failed(errorText(error));
        replaceContent(list);
      },
    );
  };
  const reload = (): void => {
    page = 1;
    load();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(reload, SEARCH_DELAY_MS);
  });
  state.addEventListener('change', reload);
  previous.addEventListener('click', () => {
    page -= 1;
    load();
  });
  next.addEventListener('click', () => {
    page += 1;
    load();
  });
  load();
  return el(
    'div',
    {},
    el('h2', {}, 'Computers'),
    exportPanel(load),
    el('div', { class: 'filters' }, state, field('Search host names', search)),
    status.node,
    list,
    el('div', { class: 'inline' }, previous, next),
  );
}

function computersTable(answer: ComputerPage, onChanged: () => void): HTMLElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...['Host name', 'Company', 'Licence type', 'State', 'Action'].map((title) => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, ...answer.items.map((computer) => computerRow(computer, onChanged))),
  );
}
