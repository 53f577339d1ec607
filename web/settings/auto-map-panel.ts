import { callApi, errorText } from './api-client.js';
import { AutoMapResult } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';

const SKIPPED = { 'already-mapped': 'already mapped', ambiguous: 'several customers have its name', 'no-match': 'no customer has its name' } as const;

/** Auto-map: a preview (the dry run) of what it will map and skip, then Apply. */
export function autoMapPanel(onApplied: () => void): HTMLElement {
  const status = statusLine();
  const preview = el('div', {});
  const start = el('button', { type: 'button' }, 'Preview auto-map');
  start.addEventListener('click', () => {
    status.working('Matching company names with HaloPSA customers…');
    callApi<AutoMapResult>('POST', '/api/v1/halopsa/companies/auto-map?dryRun=true').then(
      (result) => {
        status.done(result.applied.length === 0 ? 'Auto-map would map nothing: map the remaining companies by hand below.' : `Auto-map would map ${result.applied.length} company(ies):`);
        const apply = el('button', { type: 'button' }, `Apply: map ${result.applied.length}`);
        apply.addEventListener('click', () => {
          status.working('Mapping…');
          callApi<AutoMapResult>('POST', '/api/v1/halopsa/companies/auto-map').then(
            (done) => {
              status.done(`Mapped ${done.applied.length} company(ies).`);
              replaceContent(preview);
              onApplied();
            },
            (error: unknown) => status.failed(errorText(error)),
          );
        });
        replaceContent(
          preview,
          el('ul', {}, ...result.applied.map((a) => el('li', {}, `${a.companyName} → ${a.mapping.customerName} — ${a.mapping.siteName}`))),
          result.skipped.length > 0 ? el('p', {}, `Skipped: ${result.skipped.map((s) => `${s.companyName} (${SKIPPED[s.reason]})`).join('; ')}.`) : null,
          result.applied.length > 0 ? apply : null,
        );
      },
      (error: unknown) => status.failed(errorText(error)),
    );
  });
  return el('section', { 'aria-labelledby': 'auto-map-title' }, el('h3', { id: 'auto-map-title' }, 'Auto-map'), start, status.node, preview);
}
