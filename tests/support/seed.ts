/**
 * Reads the source document kept in tests/fixtures/seed.txt (a copy of the Japanese
 * original): its overview points and the rows of its eight tables, whitespace folded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableSlug } from '../../src/lib/catalog/vocabulary.ts';

export const SEED_PATH = join(import.meta.dirname, '..', 'fixtures', 'seed.txt');

export interface SeedRow {
  table: TableSlug;
  code: number;
  description: string;
  handling: string;
}

// Each table's heading in the seed, in the seed's order.
const HEADINGS: [RegExp, TableSlug][] = [
  [/^## 2 /, 'access'],
  [/^## 3 /, 'logic'],
  [/^## 4 /, 'qq-platform'],
  [/^## 5 /, 'wechat-platform'],
  [/^## 6 /, 'qq-game-center'],
  [/^### QZone/, 'qzone-share'],
  [/^### QQ \/share\/qq/, 'qq-share'],
  [/^## 8 /, 'qq-blue-diamond'],
];

/** A text with every run of whitespace made one space, trimmed (as the seed is compared). */
export const squeezeSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

const seedText = (): string => readFileSync(SEED_PATH, 'utf8');

/** Every table row of the seed, in order. */
export function seedRows(): SeedRow[] {
  const rows: SeedRow[] = [];
  let table: TableSlug | null = null;
  for (const line of seedText().split('\n')) {
    const heading = HEADINGS.find(([pattern]) => pattern.test(line));
    if (heading) {
      table = heading[1];
      continue;
    }
    if (line.startsWith('## ')) table = null;
    if (!table || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1).map(squeezeSpaces);
    if (!/^-?\d+$/.test(cells[0] ?? '')) continue;
    rows.push({
      table,
      code: Number(cells[0]),
      description: cells[1] ?? '',
      handling: cells[2] ?? '',
    });
  }
  return rows;
}

/** The numbered points of the seed's overview (§1), without their numbers. */
export function seedOverview(): string[] {
  const text = seedText();
  const section = text.slice(text.indexOf('## 1 '), text.indexOf('## 2 '));
  return section
    .split('\n')
    .map((line) => /^\d+、(.*)$/.exec(line.trim())?.[1])
    .filter((item): item is string => item !== undefined)
    .map(squeezeSpaces);
}
