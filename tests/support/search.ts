import { expect, type Page } from '@playwright/test';

/**
 * Searches the way a reader does, with Starlight's search dialog, and returns the result
 * links (best first) once the first is shown.
 */
export async function search(page: Page, query: string) {
  await page.goto('/');
  await page
    .getByRole('button', { name: /検索|Search/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '検索' }).fill(query);
  const results = dialog.locator('.pagefind-ui__result-title a, .pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  return results;
}

/** The hrefs of a search's results, best first. */
export async function searchHrefs(page: Page, query: string): Promise<string[]> {
  const results = await search(page, query);
  return results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}
