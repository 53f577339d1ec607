import { callApi, errorText } from './api-client.js';
import { LookupPage } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';
import { searchAsYouType } from './search-as-you-type.js';

/** How many matches a look-up lists; typing more narrows them. */
const MATCHES_SHOWN = 20;

export interface LookupPickerOptions<T extends { id: number }> {
  /** What is chosen, as a screen reader announces it: "HaloPSA customer for Acme". */
  label: string;
  /** What is searched, in the plural: "customers". */
  noun: string;
  /** The look-up's route, without a query. */
  path: string;
  describe: (item: T) => string;
  /** The match chosen as soon as it is listed (a customer's main site). */
  preferred?: (item: T) => boolean;
  /** Called when the choice changes; `undefined` when nothing is chosen any more. */
  onChoose: (item: T | undefined) => void;
}

/** A search field over one of the API's HaloPSA look-ups and a list of its matches to choose from. */
export function lookupPicker<T extends { id: number }>(options: LookupPickerOptions<T>): HTMLElement {
  const search = el('input', { type: 'search', autocomplete: 'off', placeholder: `Search ${options.noun}`, 'aria-label': `Search: ${options.label}` });
  const choice = el('select', { 'aria-label': options.label });
  const status = statusLine();
  let matches: T[] = [];
  let reported = '';
  const choose = (): void => {
    if (choice.value === reported) return;
    reported = choice.value;
    options.onChoose(matches.find((item) => String(item.id) === choice.value));
  };
  const show = (page: LookupPage<T>): void => {
    const kept = page.items.find((item) => String(item.id) === choice.value) ?? page.items.find((item) => options.preferred?.(item));
    matches = page.items;
    replaceContent(
      choice,
      el('option', { value: '' }, page.total === 0 ? `No ${options.noun}` : `Choose one of ${page.items.length}`),
      ...page.items.map((item) => el('option', { value: String(item.id), selected: item === kept }, options.describe(item))),
    );
    if (page.total === 0) status.done(`No ${options.noun} match: try another part of the name.`);
    else if (page.total > page.items.length) status.done(`${page.total} found; the first ${page.items.length} are listed: type more to narrow.`);
    else status.done(`${page.total} found.`);
    choose();
  };
  const lookUp = (text: string): Promise<LookupPage<T>> => {
    status.working(`Looking up ${options.noun}…`);
    const query = new URLSearchParams({ pageSize: String(MATCHES_SHOWN), ...(text ? { search: text } : {}) });
    return callApi<LookupPage<T>>('GET', `${options.path}?${query}`);
  };
  searchAsYouType(search, lookUp, show, (error) => status.failed(errorText(error)))();
  choice.addEventListener('change', choose);
  return el('span', { class: 'inline' }, search, choice, status.node);
}
