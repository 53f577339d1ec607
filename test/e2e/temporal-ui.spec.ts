import { Browser, Page } from 'playwright-core';
import { ENCRYPTED_ENCODING } from '../../src/codec/aes-gcm-payload-codec';
import { launchHeadlessChromium } from '../browser-support/headless-chromium';
import { saveScreenshot, screenshotOnFailure } from '../browser-support/test-artifacts';
import { signInToCodec, UI_TIMEOUT_MS, useBrowserCodecSetting, waitForText } from '../browser-support/temporal-ui-operator';
import { connectAndSetUp } from '../support/halo-setup-fixture';
import { ProductStack, startProductStack } from '../support/product-stack';
import { simulatorControl } from '../support/simulator-control';
import { syncRunWaits } from '../support/sync-run-waits';
import { administrators, createTenant } from '../support/tenant-fixture';

/** A raw payload's `encoding: binary/encrypted` as the UI shows it without the codec: metadata values in base64. */
const ENCRYPTED_ENCODING_AS_SHOWN = Buffer.from(ENCRYPTED_ENCODING).toString('base64');
const SYNC_SUMMARY = 'Keeps HaloPSA assets in step with the Console';

/**
 * The Temporal UI of a running product (dev server with its UI, `--ui-codec-endpoint <api>/codec`),
 * in Debian's headless Chromium, used as docs/encrypted-histories.md says.
 */
describe('the Temporal UI shows sync histories decoded through the codec endpoint', () => {
  let stack: ProductStack;
  let browser: Browser;
  let integrationId: string;
  let uiUrl: string;
  let failedRunError: string;

  /** A fresh browser profile (no cookie, no UI settings) that records the codec endpoint's answers. */
  async function freshPage(): Promise<{ page: Page; decodeStatuses: number[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
    const decodeStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url() === `${stack.apiUrl}/codec/decode` && response.request().method() === 'POST') decodeStatuses.push(response.status());
    });
    return { page, decodeStatuses };
  }

  /** Finds the sync run with the UI's own filter on the IntegrationId search attribute, and opens it. */
  async function openSyncRun(page: Page): Promise<void> {
    await page.goto(`${uiUrl}/namespaces/default/workflows?query=${encodeURIComponent(`IntegrationId="${integrationId}"`)}`);
    await page.getByRole('link', { name: `sync:${integrationId}`, exact: true }).click({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('heading', { name: 'Input' }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  const shownText = (page: Page): Promise<string> => page.locator('body').innerText();

  beforeAll(async () => {
    browser = await launchHeadlessChromium(); // first: without Chromium, nothing else starts
    stack = await startProductStack({ temporal: 'with-ui', companies: 3, computers: 10 });
    uiUrl = stack.temporalUiUrl as string;
    const acme = await createTenant(stack, administrators(stack).full.AdminID);
    ({ integrationId } = await connectAndSetUp(stack, acme));
    const waits = syncRunWaits(stack, acme.apiKey);
    await waits.syncNow();
    // A run that fails: the Console refuses the stored login (its credentials were rotated).
    const { login, password } = stack.console.credentials;
    await simulatorControl(stack.console.url, 'PUT', '/settings', { login, password: `${password}-rotated` });
    const failed = await waits.syncNow(60_000);
    await simulatorControl(stack.console.url, 'PUT', '/settings', { login, password });
    failedRunError = String((failed as { error?: string }).error);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("shows ciphertext with only the dev server's cluster-level codec setting: it sends no cookie, so the endpoint answers 401", async () => {
    const { page, decodeStatuses } = await freshPage();
    await screenshotOnFailure(page, 'temporal-ui-cluster-setting-failure.png', async () => {
      await signInToCodec(page, stack.apiUrl, stack.operatorToken);
      await openSyncRun(page);
      await waitForText(page, ENCRYPTED_ENCODING_AS_SHOWN, 'the raw encrypted input');
      await waitForText(page, 'Codec Server could not connect', "the UI's codec error");
    });
    expect(decodeStatuses.length).toBeGreaterThan(0);
    expect(new Set(decodeStatuses)).toEqual(new Set([401]));
    expect(await shownText(page)).not.toContain(`"integrationId": "${integrationId}"`);
  }, 90_000);

  it('after the operator signs in and chooses the browser setting with credentials, the run, its event details and its summary read in clear', async () => {
    const { page, decodeStatuses } = await freshPage();
    await screenshotOnFailure(page, 'temporal-ui-sync-history-failure.png', async () => {
      await signInToCodec(page, stack.apiUrl, stack.operatorToken);
      await page.goto(`${uiUrl}/namespaces/default/workflows`);
      await useBrowserCodecSetting(page, `${stack.apiUrl}/codec`);
      await openSyncRun(page);
      await waitForText(page, `"integrationId": "${integrationId}"`, 'the decoded workflow input');
      await waitForText(page, SYNC_SUMMARY, "the decoded summary in the start event's row");

      await page.getByRole('row').filter({ hasText: 'Activity Task Scheduled' }).filter({ hasText: 'beginSyncRun' }).first().click();
      await waitForText(page, '"trigger": "manual"', 'the decoded input of the beginSyncRun activity in its event details');
      await saveScreenshot(page, 'temporal-ui-sync-history.png');
    });
    const shown = await shownText(page);
    for (const marker of [ENCRYPTED_ENCODING, ENCRYPTED_ENCODING_AS_SHOWN]) expect(shown).not.toContain(marker);
    expect(shown).not.toContain('Codec Server could not connect');
    expect(decodeStatuses.length).toBeGreaterThan(0);
    expect(new Set(decodeStatuses)).toEqual(new Set([200]));
  }, 90_000);

  it('lists the sync workflow whose last run failed, and shows that failure decoded', async () => {
    const { page, decodeStatuses } = await freshPage();
    await screenshotOnFailure(page, 'temporal-ui-failed-run-failure.png', async () => {
      await signInToCodec(page, stack.apiUrl, stack.operatorToken);
      await page.goto(`${uiUrl}/namespaces/default/workflows`);
      await useBrowserCodecSetting(page, `${stack.apiUrl}/codec`);
      await page.goto(`${uiUrl}/namespaces/default/workflows?query=${encodeURIComponent('ExecutionStatus="Running" AND LastSyncRunState="failed"')}`);
      await page.getByRole('link', { name: `sync:${integrationId}`, exact: true }).click({ timeout: UI_TIMEOUT_MS });
      await page.getByRole('row').filter({ hasText: 'Activity Task Failed' }).first().click({ timeout: UI_TIMEOUT_MS });
      await waitForText(page, 'Console_invalid_credentials (message encrypted', "the failure's kind in its clear message");
      await waitForText(page, failedRunError.slice(0, 40), "the failed activity's decoded message");
      await saveScreenshot(page, 'temporal-ui-failed-run.png');
    });
    expect(await shownText(page)).not.toContain('Encoded failure');
    expect(new Set(decodeStatuses)).toEqual(new Set([200]));
  }, 90_000);
});
