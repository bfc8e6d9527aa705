/** The decoder page, as the end-to-end tests drive it. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The decoder page and the parts of it the tests use. */
export class DecoderPage {
  readonly page: Page;
  readonly input: Locator;
  readonly output: Locator;
  readonly candidates: Locator;
  readonly records: Locator;

  constructor(page: Page) {
    this.page = page;
    this.input = page.locator('textarea');
    this.output = page.locator('output');
    this.candidates = this.output.locator('a[data-candidate]');
    this.records = this.output.locator('[data-record]');
  }

  /** Opens the page (optionally with a fragment) and waits for the widget to be ready. */
  async open(fragment = ''): Promise<void> {
    await this.page.goto(`/decoder/${fragment}`);
    await expect(this.page.locator('msdk-decoder[data-ready]')).toBeAttached();
  }

  /** Puts text into the textarea the way a paste does: all at once. */
  async paste(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /**
   * Pastes a big text. Playwright's `fill` types through the editing pipeline, which takes
   * tens of seconds for a megabyte; a paste sets the value and fires one input event.
   */
  async pasteLarge(text: string): Promise<void> {
    await this.input.evaluate((input: HTMLTextAreaElement, value) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }

  /** Waits until the decoder has finished the run in progress (its output is no longer busy). */
  async settled(): Promise<void> {
    await expect(this.output).not.toHaveAttribute('aria-busy', 'true');
  }

  example(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** The summary's rows as [code link text, count] pairs, most frequent first. */
  async summaryRows(): Promise<[string, string][]> {
    const rows = this.output.locator('.decoder-summary tbody tr');
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
        return [cells[0] ?? '', cells[1] ?? ''] as [string, string];
      }),
    );
  }

  /** The share dialog and its parts. */
  get share() {
    const dialog = this.page.locator('dialog[data-share-dialog]');
    return {
      dialog,
      open: this.page.getByRole('button', { name: '共有リンク・チケット…' }),
      preview: dialog.locator('[data-share-preview]'),
      summary: dialog.locator('[data-share-summary]'),
      status: dialog.locator('[data-share-status]'),
      original: dialog.getByRole('checkbox', { name: /元の貼り付けも含める/ }),
      link: dialog.getByRole('radio', { name: '共有リンク' }),
      ticket: dialog.getByRole('radio', { name: 'チケット用の文面' }),
      copy: dialog.getByRole('button', { name: 'コピー', exact: true }),
      close: dialog.getByRole('button', { name: '閉じる' }),
    };
  }

  /** Opens the share dialog and waits for its preview; returns the text it will copy. */
  async openShare(): Promise<string> {
    await this.share.open.click();
    await expect(this.share.dialog).toBeVisible();
    await expect(this.share.preview).not.toBeEmpty();
    return (await this.share.preview.textContent()) ?? '';
  }
}
