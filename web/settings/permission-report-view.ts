import { PermissionReport, RequirementCheck } from './api-types.js';
import { el } from './dom.js';

const LAYERS: Record<RequirementCheck['layer'], string> = { application: 'HaloPSA application scope', agent: 'HaloPSA agent permission', console: 'Console permission' };
const ACTIONS = { create: 'Create (set up)', manage: 'Manage (sync and map)', delete: 'Delete (remove)' } as const;

/** Per action, each requirement: holds or not, and what to change where when it does not. */
export function permissionReportView(report: PermissionReport): HTMLElement {
  const actions = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).map((action) => {
    const { allowed, requirements } = report.actions[action];
    return el(
      'section',
      { class: 'action' },
      el('h4', {}, `${ACTIONS[action]}: ${allowed ? 'allowed' : 'not allowed'}`),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Where'), el('th', { scope: 'col' }, 'Requirement'), el('th', { scope: 'col' }, 'Holds'), el('th', { scope: 'col' }, 'What to change'))),
        el('tbody', {}, ...requirements.map(requirementRow)),
      ),
    );
  });
  return el(
    'div',
    { class: 'permission-report' },
    el('p', {}, `Checked at ${new Date(report.checkedAt).toLocaleString()}${report.haloAgent ? `, as HaloPSA agent ${report.haloAgent}` : ''}.`),
    report.authenticationError ? el('p', { class: 'error' }, report.authenticationError) : null,
    ...actions,
  );
}

function requirementRow(check: RequirementCheck): HTMLElement {
  const holds = check.holds === null ? 'not checked' : check.holds ? 'yes' : 'no';
  return el(
    'tr',
    { class: check.holds === false ? 'missing' : '' },
    el('td', {}, LAYERS[check.layer]),
    el('td', {}, check.requirement),
    el('td', {}, holds),
    el('td', {}, check.holds === false ? (check.fix ?? '') : ''),
  );
}
