import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../dev/project-paths';

/** Where tests leave what a person may want to look at afterwards (git-ignored; CI may keep it). */
export const TEST_ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-artifacts');

/** Saves a full-page screenshot under test-artifacts/ and answers its path. */
export async function saveScreenshot(page: Page, fileName: string): Promise<string> {
  mkdirSync(TEST_ARTIFACTS_DIR, { recursive: true });
  const path = join(TEST_ARTIFACTS_DIR, fileName);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs browser steps; when one fails, saves what the page showed and names the screenshot in the error. */
export async function screenshotOnFailure<T>(page: Page, fileName: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    const path = await saveScreenshot(page, fileName).catch((screenshotError: unknown) => `(no screenshot: ${String(screenshotError)})`);
    if (error instanceof Error) error.message = `${error.message}\nThe page at ${page.url()} is in ${path}`;
    throw error;
  }
}
