import { Page } from 'playwright-core';

/** Generous: on CI's two cores, Chromium shares the machine with the product, Temporal and PostgreSQL. */
export const UI_TIMEOUT_MS = 30_000;

/** Opens an 8-hour codec session in this browser, as an operator does at `<api>/codec/login`. */
export async function signInToCodec(page: Page, apiUrl: string, operatorToken: string): Promise<void> {
  await page.goto(`${apiUrl}/codec/login`);
  await page.getByLabel('Operator token').fill(operatorToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Signed in/ }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * In the Temporal UI's codec settings (the data encoder icon at the top right): "Use my browser
 * setting and ignore Cluster-level setting", the endpoint, "Include cross-origin credentials", Apply.
 * The toggle and Apply are reached with the keyboard: once the radio choices are expanded, the
 * lower half of the settings panel lies under the UI's sticky top bar, which takes pointer clicks.
 */
export async function useBrowserCodecSetting(page: Page, codecEndpoint: string): Promise<void> {
  await page.locator('[data-testid^="data-encoder-status"]').click({ timeout: UI_TIMEOUT_MS });
  await page.getByTestId('override-accordion').click();
  await page.getByTestId('use-local-endpoint-input').click();
  await page.getByTestId('data-encoder-endpoint-input').fill(codecEndpoint);
  const credentials = page.getByRole('switch', { name: 'Include cross-origin credentials' });
  if (!(await credentials.isChecked())) {
    await credentials.focus();
    await page.keyboard.press('Space');
  }
  await page.getByTestId('confirm-data-encoder-button').focus();
  await page.keyboard.press('Enter');
  // The UI keeps these settings in localStorage under these keys (UI 2.42.1): a clear error here beats a page that stays encrypted.
  const { origins } = await page.context().storageState();
  const saved = new Map(origins.find((entry) => entry.origin === new URL(page.url()).origin)?.localStorage.map(({ name, value }) => [name, value]));
  const expected = { overrideRemoteCodecConfiguration: 'true', endpoint: JSON.stringify(codecEndpoint), includeCredentials: 'true' };
  for (const [key, value] of Object.entries(expected)) {
    if (saved.get(key) !== value) throw new Error(`The UI's codec settings were not applied: localStorage "${key}" is ${JSON.stringify(saved.get(key))}, expected ${value}`);
  }
}

/** Waits until a visible element of the page shows `text`; the error names what was awaited. */
export async function waitForText(page: Page, text: string, what: string): Promise<void> {
  try {
    await page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  } catch {
    throw new Error(`The page never showed ${what} (${JSON.stringify(text)}) within ${UI_TIMEOUT_MS} ms`);
  }
}
