import { callApi, errorText } from './api-client.js';
import { ExportDone, ExportPreview } from './api-types.js';
import { el, field, replaceContent, statusLine } from './dom.js';

/** Export: the dry run's exact records first, then the real export of those computers. */
export function exportPanel(onExported: () => void): HTMLElement {
  const status = statusLine();
  const preview = el('div', {});
  const assetTypeId = el('input', { type: 'number', min: '1', inputmode: 'numeric', name: 'assetTypeId' });
  const start = el('button', { type: 'button' }, 'Preview export of unlinked computers');
  start.addEventListener('click', () => {
    status.working('Working out the records…');
    const assetType = assetTypeId.value ? { assetTypeId: Number(assetTypeId.value) } : {};
    callApi<ExportPreview>('POST', '/api/v1/halopsa/computers/export?dryRun=true', assetType).then(
      ({ plan }) => {
        const hids = plan.create.map((item) => item.hid);
        status.done(hids.length === 0 ? 'Nothing to export: every computer is linked or excluded.' : `The export would create ${hids.length} asset(s):`);
        const confirm = el('button', { type: 'button' }, `Export ${hids.length}`);
        confirm.addEventListener('click', () => {
          status.working('Exporting…');
          callApi<ExportDone>('POST', '/api/v1/halopsa/computers/export', { hids, ...assetType }).then(
            (done) => {
              const counts = Object.entries(done.run.counts).map(([outcome, n]) => `${n} ${outcome}`).join(', ');
              status.done(done.finished ? `Export done: ${counts}.` : `The export runs in the background (${done.run.exportRunId}); reload to see its outcome.`);
              replaceContent(preview);
              onExported();
            },
            (error: unknown) => status.failed(errorText(error)),
          );
        });
        replaceContent(
          preview,
          hids.length === 0 ? null : el(
            'table',
            {},
            el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Host name'), el('th', { scope: 'col' }, 'Customer id'), el('th', { scope: 'col' }, 'Site id'), el('th', { scope: 'col' }, 'Asset type id'))),
            el('tbody', {}, ...plan.create.map(({ asset }) => el('tr', {}, el('th', { scope: 'row' }, asset.hostName), el('td', {}, String(asset.customerId)), el('td', {}, String(asset.siteId)), el('td', {}, String(asset.assetTypeId))))),
          ),
          plan.missingAssetType.length > 0 ? el('p', { class: 'error' }, `Left out, their licence type has no asset type (Licences tab): ${plan.missingAssetType.map((m) => m.hostName).join(', ')}.`) : null,
          hids.length === 0 ? null : confirm,
        );
      },
      (error: unknown) => status.failed(errorText(error)),
    );
  });
  return el(
    'section',
    { 'aria-labelledby': 'export-title' },
    el('h3', { id: 'export-title' }, 'Export'),
    field('Asset type id for all of them', assetTypeId, "Optional: else each computer's licence type decides (Licences tab)."),
    start,
    status.node,
    preview,
  );
}
