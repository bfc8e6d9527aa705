/**
 * Cross-layer links over the whole built site (reads dist/, no browser): envelopes both
 * ways for every platform row, and every shared number linked from each of its rows.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../support/catalog.ts';
import { builtPage, byTag, hrefs, text, type Document } from '../support/html.ts';

const catalog = loadCatalog();
const html = (path: string): Document => builtPage(path);
const links = (page: Document) => hrefs(page);

test('every platform row says how it arrives and links its envelope row', () => {
  for (const row of catalog.rows) {
    const table = catalog.table(row.table);
    const page = links(html(`codes/${row.table}/${row.code}`));
    if (table.arrives.includes('msg-of-10000'))
      expect(page, `${row.table} ${row.code}`).toContain('/codes/logic/-10000/');
    if (table.arrives.includes('msg-of-20000'))
      expect(page, `${row.table} ${row.code}`).toContain('/codes/logic/-20000/');
  }
});

test('the envelope rows lead into the tables they carry', () => {
  const qq = links(html('codes/logic/-10000'));
  for (const slug of [
    'qq-platform',
    'qq-share',
    'qzone-share',
    'qq-game-center',
    'qq-blue-diamond',
  ]) {
    expect(qq).toContain(`/codes/${slug}/`);
  }
  expect(links(html('codes/logic/-20000'))).toContain('/codes/wechat-platform/');
});

test('the share tables explain their endpoint and the -10000 wrapping', () => {
  for (const slug of ['qq-share', 'qzone-share'] as const) {
    const page = html(`codes/${slug}`);
    expect(byTag(page, 'code').map(text)).toContain(catalog.table(slug).endpoint);
    expect(links(page)).toContain('/codes/logic/-10000/');
  }
});

test('every shared number is linked from each of its rows, and its page links them all', () => {
  for (const code of catalog.numbers) {
    const rows = catalog.rowsWithCode(code);
    if (rows.length < 2) continue;
    const numberPage = links(html(`codes/${code}`));
    for (const row of rows) {
      expect(numberPage, `/codes/${code}/`).toContain(`/codes/${row.table}/${code}/`);
      const page = links(html(`codes/${row.table}/${code}`));
      expect(page, `${row.table} ${code}`).toContain(`/codes/${code}/`);
      for (const other of rows) {
        if (other !== row)
          expect(page, `${row.table} ${code}`).toContain(`/codes/${other.table}/${code}/`);
      }
    }
  }
});

test('every action badge links to its action page, which lists the row', () => {
  for (const row of catalog.rows) {
    expect(links(html(`codes/${row.table}/${row.code}`))).toContain(`/actions/${row.action}/`);
    expect(links(html(`actions/${row.action}`))).toContain(`/codes/${row.table}/${row.code}/`);
  }
});
