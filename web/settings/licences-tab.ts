import { callApi, errorText } from './api-client.js';
import { LicenceTypeMapping } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';
import { licenceRow } from './licence-row.js';

/** Console licence types with their activated counts → the default HaloPSA asset type of their computers. */
export function licencesTab(): HTMLElement {
  const status = statusLine();
  const list = el('div', {});
  const load = (): void => {
    status.working('Loading licence types…');
    callApi<LicenceTypeMapping[]>('GET', '/api/v1/halopsa/asset-types').then(
      (licences) => {
        status.done(licences.length === 0 ? 'The Console shows no licence type yet: activate a licence there, then come back.' : `${licences.length} licence type(s).`);
        replaceContent(list, licences.length === 0 ? null : licencesTable(licences, load));
      },
      (error: unknown) => {
        status.failed(errorText(error));
        replaceContent(list);
      },
    );
  };
  load();
  return el(
    'div',
    {},
    el('h2', {}, 'Licences'),
    el('p', {}, 'Each computer is exported with the asset type of its licence type, unless you choose another one when exporting.'),
    status.node,
    list,
  );
}

function licencesTable(licences: LicenceTypeMapping[], onChanged: () => void): HTMLElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Licence type'), el('th', { scope: 'col' }, 'Activated'), el('th', { scope: 'col' }, 'Default asset type'), el('th', { scope: 'col' }, 'Change'))),
    el('tbody', {}, ...licences.map((licence) => licenceRow(licence, onChanged))),
  );
}
