import { Browser, Page } from 'playwright-core';
import { waitFor } from '../../dev/wait-for';
import { seriousAccessibilityViolations } from '../browser-support/axe-scan';
import { launchHeadlessChromium } from '../browser-support/headless-chromium';
import { saveScreenshot, screenshotOnFailure } from '../browser-support/test-artifacts';
import { callApi } from '../support/api-client';
import { insertPersonMadeAsset } from '../support/person-made-asset';
import { ProductStack, startProductStack } from '../support/product-stack';
import { administrators, createTenant, TenantFixture } from '../support/tenant-fixture';

const WAIT_MS = 30_000;

/**
 * Settings > Integrations > HaloPSA in Debian's headless Chromium, against the product stack and
 * the simulators, at 1366×768: sign in with the API key, then each tab, each scanned by axe-core
 * and kept as a screenshot in test-artifacts/.
 */
describe('the HaloPSA settings page in a browser', () => {
  let stack: ProductStack;
  let browser: Browser;
  let acme: TenantFixture;
  let page: Page;
  const policyViolations: string[] = [];

  const setHaloAgentAdmin = (isAdmin: boolean): Promise<Response> =>
    fetch(`${stack.halo.url}/_sim/agent`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_admin: isAdmin }) });

  async function expectAccessible(name: string): Promise<void> {
    await saveScreenshot(page, `settings-page-${name}.png`);
    expect({ view: name, violations: await seriousAccessibilityViolations(page) }).toEqual({ view: name, violations: [] });
  }

  beforeAll(async () => {
    browser = await launchHeadlessChromium(); // first: without Chromium, nothing else starts
    stack = await startProductStack({ companies: 8, computers: 20 });
    acme = await createTenant(stack, administrators(stack).full.AdminID);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('signs in with the API key, keeps nothing of it in the browser, and refuses a wrong key with a clear message', async () => {
    await screenshotOnFailure(page, 'settings-page-sign-in-failure.png', async () => {
      await page.goto(`${stack.apiUrl}/settings`);
      await page.getByLabel('API key').fill(stack.operatorToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That is not a current API key of this service').waitFor({ timeout: WAIT_MS });
      await expectAccessible('sign-in');

      await page.getByLabel('API key').fill(acme.apiKey);
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: 'Authentication' }).waitFor({ timeout: WAIT_MS });
    });
    const kept = await page.evaluate<string>('JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage }, html: document.documentElement.outerHTML })');
    expect(kept).not.toContain(acme.apiKey);
    expect(kept).not.toContain('settings_session');
  }, 90_000);

  it('Authentication: saves the connection, checks permissions with a missing right, then after fixing it', async () => {
    await screenshotOnFailure(page, 'settings-page-authentication-failure.png', async () => {
      await page.getByLabel('HaloPSA URL').fill(stack.halo.url);
      await page.getByLabel('Client ID').fill(stack.halo.state.credentials.clientId);
      await page.getByLabel('Client Secret').fill(stack.halo.state.credentials.clientSecret);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved; the setup runs').waitFor({ timeout: WAIT_MS });
      expect(await page.getByLabel('Client Secret').inputValue()).toBe('');
      await waitFor('the setup to finish', async () => (await callApi<{ state: string }>(stack.apiUrl, 'GET', '/api/v1/halopsa', { token: acme.apiKey })).body.state === 'connected', WAIT_MS);

      await setHaloAgentAdmin(false);
      await page.getByRole('button', { name: 'Check permissions' }).click();
      await page.getByText('Create (set up): not allowed').waitFor({ timeout: WAIT_MS });
      await page.locator('tr.missing').filter({ hasText: 'HaloPSA administrator' }).filter({ hasText: 'Agents' }).first().waitFor({ timeout: WAIT_MS });
      await expectAccessible('authentication-missing-right');

      await setHaloAgentAdmin(true);
      await page.getByRole('button', { name: 'Check permissions' }).click();
      await page.getByText('Create (set up): allowed').waitFor({ timeout: WAIT_MS });
      await expectAccessible('authentication');
    });
    expect(await page.locator('body').innerText()).not.toContain(stack.halo.state.credentials.clientSecret);
  }, 90_000);

  it('Companies: previews and applies auto-map, maps an ambiguous company by hand, unmaps after seeing its consequences, maps it to a customer and site found by search', async () => {
    const handPicked = stack.halo.state.addClient('Lookup Dental Group', ['Head office', 'Branch North']);
    await screenshotOnFailure(page, 'settings-page-companies-failure.png', async () => {
      await page.getByRole('tab', { name: 'Companies' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(/^\d+ company\(ies\)\.$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('companies');

      await page.getByRole('button', { name: 'Preview auto-map' }).click();
      await page.getByText(/^Auto-map would map \d+ company/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('companies-auto-map-preview');
      await page.getByRole('button', { name: /^Apply: map \d+$/ }).click();
      await page.getByText(/^Mapped \d+ company/).waitFor({ timeout: WAIT_MS });

      const ambiguous = page.getByRole('row').filter({ hasText: 'HaloPSA customers have this name' }).first();
      const companyName = (await ambiguous.getByRole('rowheader').innerText()).trim();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: companyName, exact: true }) });
      await ambiguous.getByRole('combobox').selectOption({ index: 1 });
      await ambiguous.getByRole('button', { name: 'Map' }).click();
      await row.getByRole('button', { name: 'Unmap…' }).waitFor({ timeout: WAIT_MS });

      await row.getByRole('button', { name: 'Unmap…' }).click();
      await row.getByText(/unlinks its \d+ linked computer\(s\); their HaloPSA assets stay/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('companies-unmap-preview');
      await row.getByRole('button', { name: 'Confirm unmap' }).click();
      await row.getByText('HaloPSA customers have this name').waitFor({ timeout: WAIT_MS });

      // By hand: searched among every HaloPSA customer as it is typed, then one of its sites.
      await row.getByRole('button', { name: 'Find another customer…' }).click();
      await row.getByRole('searchbox', { name: `Search: HaloPSA customer for ${companyName}` }).fill('lookup dent');
      await row.getByText('1 found.', { exact: true }).waitFor({ timeout: WAIT_MS });
      await row.getByRole('combobox', { name: `HaloPSA customer for ${companyName}`, exact: true }).selectOption(String(handPicked.id));
      const sites = row.getByRole('combobox', { name: `Site of ${handPicked.name} for ${companyName}` });
      await sites.getByRole('option', { name: 'Head office (main site)', selected: true }).waitFor({ state: 'attached', timeout: WAIT_MS });
      await sites.selectOption({ label: 'Branch North' });
      await expectAccessible('companies-customer-search');
      await row.getByRole('button', { name: 'Map to this site' }).click();
      await row.getByText(`${handPicked.name} — Branch North`).waitFor({ timeout: WAIT_MS });
    });
  }, 120_000);

  it('Licences: maps one licence type to an asset type found by search and another to a type it creates in a group', async () => {
    const existing = stack.halo.state.assetTypes.all().find((type) => !type.inactive)!;
    await screenshotOnFailure(page, 'settings-page-licences-failure.png', async () => {
      await page.getByRole('tab', { name: 'Licences' }).click();
      await page.getByText(/^\d+ licence type\(s\)\.$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('licences');
      const rows = page.getByRole('row').filter({ hasText: 'None: exports need an asset type' });
      const first = (await rows.first().getByRole('rowheader').innerText()).trim();
      const firstRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first, exact: true }) });
      await firstRow.getByRole('button', { name: 'Choose a type…' }).click();
      await firstRow.getByRole('searchbox', { name: /^Search: Asset type for/ }).fill(existing.name);
      await firstRow.getByRole('combobox', { name: /^Asset type for/ }).selectOption(String(existing.id));
      await expectAccessible('licences-asset-type-search');
      await firstRow.getByRole('button', { name: 'Map', exact: true }).click();
      await firstRow.getByText(`(id ${existing.id})`).waitFor({ timeout: WAIT_MS });

      const second = (await rows.first().getByRole('rowheader').innerText()).trim();
      const secondRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: second, exact: true }) });
      await secondRow.getByRole('button', { name: 'Create a type…' }).click();
      await secondRow.getByRole('textbox', { name: /New asset type name/ }).fill('Backup appliance');
      await secondRow.getByRole('combobox', { name: /^Asset group of the new type/ }).fill('Backup');
      await secondRow.getByRole('button', { name: 'Create and map' }).click();
      await secondRow.getByText(/^Backup appliance \(id \d+\)$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('licences-mapped');
    });
    expect(stack.halo.state.assetTypes.all().some((type) => type.name === 'Backup appliance')).toBe(true);
  }, 90_000);

  it('Computers: filters, links one to the asset a person made, excludes one, previews the export with its exact records and what it leaves out, then exports them', async () => {
    const token = { token: acme.apiKey };
    const unlinked = (await callApi<{ items: { hid: string; hostName: string; companyId: string }[] }>(stack.apiUrl, 'GET', '/api/v1/halopsa/computers?state=unlinked&pageSize=500', token)).body.items;
    const mapped = (await callApi<{ companyId: string; mapping: { siteId: number } }[]>(stack.apiUrl, 'GET', '/api/v1/halopsa/companies?filter=mapped', token)).body;
    const toLink = unlinked.find((computer) => mapped.some((company) => company.companyId === computer.companyId))!;
    const personMade = insertPersonMadeAsset(stack.halo.state, mapped.find((company) => company.companyId === toLink.companyId)!.mapping.siteId, toLink.hostName);
    const assetsBefore = stack.halo.state.assets.all().length;
    let hostName = '';
    await screenshotOnFailure(page, 'settings-page-computers-failure.png', async () => {
      await page.getByRole('tab', { name: 'Computers' }).click();
      await page.getByText(/^\d+ computer\(s\), page 1 of \d+\.$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('computers');
      await page.getByRole('combobox', { name: 'Show computers' }).selectOption('unlinked');
      // A person made an asset for one computer in HaloPSA: link the computer to it, as suggested.
      await page.getByRole('rowheader', { name: toLink.hostName, exact: true }).waitFor({ timeout: WAIT_MS });
      await page.getByRole('combobox', { name: `Asset to link ${toLink.hostName} to` }).selectOption(String(personMade.id));
      await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: toLink.hostName, exact: true }) }).getByRole('button', { name: 'Link' }).click();
      await page.getByRole('rowheader', { name: toLink.hostName, exact: true }).waitFor({ state: 'detached', timeout: WAIT_MS });
      const first = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Exclude' }) }).first();
      hostName = (await first.getByRole('rowheader').innerText()).trim();
      await first.getByRole('button', { name: 'Exclude' }).click();
      await page.getByRole('rowheader', { name: hostName, exact: true }).waitFor({ state: 'detached', timeout: WAIT_MS });

      await page.getByRole('button', { name: 'Preview export of unlinked computers' }).click();
      await page.getByText(/^Left out, their licence type has no asset type/).waitFor({ timeout: WAIT_MS }); // not every licence type has an asset type yet
      await page.getByLabel('Asset type id for all of them').fill(String(stack.halo.state.assetTypes.all()[0].id));
      await page.getByRole('button', { name: 'Preview export of unlinked computers' }).click();
      await page.getByText(/^The export would create \d+ asset\(s\):$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('computers-export-preview');
      expect(await page.getByRole('region', { name: 'Export' }).innerText()).not.toContain(hostName);
      await page.getByRole('button', { name: /^Export \d+$/ }).click();
      await page.getByText(/^Export done: /).waitFor({ timeout: WAIT_MS });
    });
    expect(stack.halo.state.assets.all().length).toBeGreaterThan(assetsBefore);
    const linked = (await callApi<{ items: { hid: string; haloAssetId: number | null }[] }>(stack.apiUrl, 'GET', '/api/v1/halopsa/computers?state=linked&pageSize=500', token)).body.items;
    expect(linked.find((computer) => computer.hid === toLink.hid)?.haloAssetId).toBe(personMade.id);
    expect(stack.halo.state.assets.all().some((asset) => JSON.stringify(asset).includes(`"${hostName}"`))).toBe(false);
  }, 120_000);

  it('Sync: pauses, resumes, syncs now and shows the run; the page fits a narrow window', async () => {
    await screenshotOnFailure(page, 'settings-page-sync-failure.png', async () => {
      await page.getByRole('tab', { name: 'Sync' }).click();
      await page.getByText(/^Running: full sync /).waitFor({ timeout: WAIT_MS });
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByText(/^Paused: full sync /).waitFor({ timeout: WAIT_MS });
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByText(/^Running: full sync /).waitFor({ timeout: WAIT_MS });
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^The sync completed\./).waitFor({ timeout: WAIT_MS });
      await waitFor('the sync run to be listed', async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await page.getByRole('row').filter({ hasText: 'manual' }).count()) > 0;
      }, WAIT_MS, 1_000);
      await page.getByRole('row').filter({ hasText: 'manual' }).first().getByRole('button', { name: /^Details: computers of the run/ }).click();
      await page.getByRole('heading', { name: /^Run of .*\(manual, completed\): \d+ computer\(s\)/ }).waitFor({ timeout: WAIT_MS });
      await expectAccessible('sync');

      // A Console change arrives: the watcher, woken by a settings change, finds the rename and syncs it.
      const [linked] = (await callApi<{ items: { hid: string }[] }>(stack.apiUrl, 'GET', '/api/v1/halopsa/computers?state=linked', { token: acme.apiKey })).body.items;
      await fetch(`${stack.console.url}/_sim/computers/${linked.hid}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ computerName: 'RENAMED-IN-CONSOLE' }) });
      await callApi(stack.apiUrl, 'PUT', '/api/v1/halopsa/sync/settings', { token: acme.apiKey, body: { watchIntervalSeconds: 15 } });
      await waitFor('the change to be synced by an event run', async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return (await page.getByRole('row').filter({ hasText: 'event' }).filter({ hasText: 'completed' }).count()) > 0;
      }, WAIT_MS, 1_000);
      await page.getByRole('row').filter({ hasText: 'event' }).first().getByRole('button', { name: /^Details: computers of the run/ }).click();
      const changed = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'RENAMED-IN-CONSOLE', exact: true }) });
      await changed.getByText('host name').waitFor({ timeout: WAIT_MS });
      await expectAccessible('sync-run-detail');
      await page.setViewportSize({ width: 480, height: 800 });
      await page.getByRole('tab', { name: 'Computers' }).click();
      await page.getByText(/^\d+ computer\(s\), page 1 of \d+\.$/).waitFor({ timeout: WAIT_MS });
      await expectAccessible('computers-narrow-window');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(480);
      await page.setViewportSize({ width: 1366, height: 768 });
    });
  }, 90_000);

  it('Remove integration: confirms with the URL, shows what goes and stays, then refused steps as actions: one retried, one done by hand', async () => {
    const haloUrl = (await callApi<{ halo: { url: string } }>(stack.apiUrl, 'GET', '/api/v1/halopsa', { token: acme.apiKey })).body.halo.url;
    const forbid = (rules: unknown[]) => fetch(`${stack.halo.url}/_sim/forbidden`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
    await screenshotOnFailure(page, 'settings-page-remove-failure.png', async () => {
      await page.getByRole('tab', { name: 'Remove integration' }).click();
      await page.getByRole('button', { name: 'Show what removal does' }).click();
      await page.getByRole('heading', { name: 'It leaves' }).waitFor({ timeout: WAIT_MS });
      expect(await page.getByRole('button', { name: 'Remove', exact: true }).isDisabled()).toBe(true);
      await page.getByLabel(/^Type the HaloPSA URL/).fill(`${haloUrl}x`);
      expect(await page.getByRole('button', { name: 'Remove', exact: true }).isDisabled()).toBe(true);
      await expectAccessible('remove');

      await forbid([{ entity: 'CustomButton', verb: 'DELETE' }, { entity: 'FieldInfo', verb: 'DELETE' }]);
      await page.getByLabel(/^Type the HaloPSA URL/).fill(haloUrl);
      await page.getByRole('button', { name: 'Remove', exact: true }).click();
      const action = page.getByRole('region', { name: 'Manual action: delete-button' });
      await action.getByRole('button', { name: 'Retry' }).waitFor({ timeout: WAIT_MS });
      await expectAccessible('remove-manual-action');

      await action.getByRole('button', { name: 'Retry' }).click();
      await page.getByText(/^It failed again \(attempt 2\)/).waitFor({ timeout: WAIT_MS });
      await forbid([{ entity: 'FieldInfo', verb: 'DELETE' }]);
      await action.getByRole('button', { name: 'Retry' }).click();
      await page.getByText('Done by the retry.').waitFor({ timeout: WAIT_MS });

      // The next refused step, the custom fields: a person deletes them in HaloPSA and says so.
      const fields = page.getByRole('region', { name: 'Manual action: delete-custom-fields' });
      await fields.getByRole('button', { name: 'Done by hand' }).click({ timeout: WAIT_MS });
      await page.getByText(/^Removed\. \d+ HaloPSA assets remain/).waitFor({ timeout: WAIT_MS });
      expect(await page.getByText('Recorded as done by hand.').count()).toBe(1);
      await expectAccessible('removed');
    });
    expect(stack.halo.state.assets.all().length).toBeGreaterThan(0);
  }, 120_000);

  it('signs out: the page asks for the key again and the API no longer answers this browser', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor({ timeout: WAIT_MS });
    expect((await page.request.get(`${stack.apiUrl}/api/v1/halopsa`)).status()).toBe(401);
  }, 60_000);

  it('a one-time sign-in link opens the page signed in, once; used again it shows the sign-in form saying why', async () => {
    const link = await callApi<{ url: string }>(stack.apiUrl, 'POST', '/settings/sign-in-links', { token: acme.apiKey });
    await screenshotOnFailure(page, 'settings-page-sign-in-link-failure.png', async () => {
      await page.goto(link.body.url);
      await page.getByRole('tab', { name: 'Authentication' }).waitFor({ timeout: WAIT_MS });
      expect(new URL(page.url()).pathname).toBe('/settings');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor({ timeout: WAIT_MS });
      await page.goto(link.body.url);
      await page.getByText('That sign-in link was already used or has expired').waitFor({ timeout: WAIT_MS });
    });
  }, 60_000);

  it('ran without a single Content-Security-Policy violation', () => {
    expect(policyViolations).toEqual([]);
  });
});
