/** Moving focus the way a keyboard user does. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab, `back`) until `target` has focus, at most `limit` times, and
 * checks that it has.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { back = false, limit = 60 }: { back?: boolean; limit?: number } = {},
): Promise<void> {
  const focused = () => target.evaluate((element) => element === document.activeElement);
  for (let i = 0; i < limit && !(await focused()); i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}
