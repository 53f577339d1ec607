import { callApi, errorText } from './api-client.js';
import { IntegrationStatus, PermissionReport, SetupStarted } from './api-types.js';
import { el, field, replaceContent, statusLine } from './dom.js';
import { permissionReportView } from './permission-report-view.js';

/** HaloPSA URL, authorisation URL, tenant, Client ID and Secret (write-only), Save, Check permissions. */
export function authenticationTab(): HTMLElement {
  const haloUrl = el('input', { type: 'url', name: 'haloUrl', required: true, placeholder: 'https://acme.halopsa.com' });
  const authorisationUrl = el('input', { type: 'url', name: 'authorisationUrl', placeholder: 'Same as the HaloPSA URL' });
  const tenant = el('input', { type: 'text', name: 'tenant', placeholder: 'Only for Halo-hosted instances' });
  const clientId = el('input', { type: 'text', name: 'clientId', required: true, autocomplete: 'off' });
  const clientSecret = el('input', { type: 'password', name: 'clientSecret', required: true, autocomplete: 'new-password' });
  const state = el('p', { class: 'state' }, 'Loading the connection…');
  const saveStatus = statusLine();
  const checkStatus = statusLine();
  const report = el('div', {});
  const form = el(
    'form',
    { 'aria-labelledby': 'auth-title' },
    el('h2', { id: 'auth-title' }, 'Authentication'),
    state,
    field('HaloPSA URL', haloUrl),
    field('Authorisation URL', authorisationUrl, 'Only when it differs from the HaloPSA URL (hosted HaloPSA).'),
    field('Tenant', tenant),
    field('Client ID', clientId),
    field(
      'Client Secret',
      clientSecret,
      'Write-only: never shown again, needed on every save. Editing the application\'s description in HaloPSA makes a new Client ID and Secret: enter the new pair here.',
    ),
    el('button', { type: 'submit' }, 'Save'),
    saveStatus.node,
  );
  const check = el('button', { type: 'button' }, 'Check permissions');

  const showStatus = (status: IntegrationStatus): void => {
    state.textContent = status.state === 'not-connected' ? 'Not connected yet: enter the HaloPSA API application\'s details and save.' : `State: ${status.state}.`;
    if (status.lastError) append(state, status.lastError);
    if (status.halo) {
      haloUrl.value = status.halo.url;
      authorisationUrl.value = status.halo.authorisationUrl === status.halo.url ? '' : status.halo.authorisationUrl;
      tenant.value = status.halo.tenant ?? '';
      clientId.value = status.halo.clientId;
    }
  };
  const loadStatus = (): void => {
    callApi<IntegrationStatus>('GET', '/api/v1/halopsa').then(showStatus, (error: unknown) => (state.textContent = errorText(error)));
  };
  loadStatus();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveStatus.working('Saving and starting the setup…');
    const body = { haloUrl: haloUrl.value.trim(), clientId: clientId.value.trim(), clientSecret: clientSecret.value, ...optional('authorisationUrl', authorisationUrl.value), ...optional('tenant', tenant.value) };
    clientSecret.value = '';
    callApi<SetupStarted>('PUT', '/api/v1/halopsa/connection', body).then(
      (started) => {
        saveStatus.done(`Saved; the setup runs (${started.workflowId}).${started.mappingsKept ? ' Your mappings are kept.' : ' This is another HaloPSA instance: the mappings start over.'}`);
        loadStatus();
      },
      (error: unknown) => saveStatus.failed(errorText(error)),
    );
  });
  check.addEventListener('click', () => {
    checkStatus.working('Checking permissions in HaloPSA and the Console…');
    replaceContent(report);
    callApi<PermissionReport>('POST', '/api/v1/halopsa/permissions/check').then(
      (answer) => {
        checkStatus.done('Checked.');
        replaceContent(report, permissionReportView(answer));
      },
      (error: unknown) => checkStatus.failed(errorText(error)),
    );
  });
  return el('div', {}, form, el('section', { 'aria-labelledby': 'permissions-title' }, el('h3', { id: 'permissions-title' }, 'Permissions'), check, checkStatus.node, report));
}

function optional(name: string, value: string): Record<string, string> {
  return value.trim() ? { [name]: value.trim() } : {};
}

function append(node: HTMLElement, text: string): void {
  node.textContent = `${node.textContent ?? ''} ${text}`;
}
