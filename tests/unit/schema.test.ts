import { describe, expect, test } from 'vitest';
import { CatalogError } from '../../src/lib/catalog/errors.ts';
import { parseTableFile } from '../../src/lib/catalog/parse.ts';
import { tableFiles } from '../support/catalog.ts';

const logic = tableFiles().find((f) => f.file.endsWith('/logic.yaml'))!;

/** The problems a broken variant of the logic table is reported with. */
function problems(text: string, file = logic.file): string[] {
  try {
    parseTableFile(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain(file);
    return [...(error as CatalogError).problems];
  }
  throw new Error('the broken file was accepted');
}

describe('a broken table file is reported with the file, the row and the field', () => {
  test('the real files are valid', () => {
    for (const { file, text } of tableFiles())
      expect(() => parseTableFile(file, text)).not.toThrow();
  });

  test('a missing field', () => {
    const text = logic.text.replace(/(  - code: -101\n)    action: retry\n/, '$1');
    expect(problems(text)).toEqual(['row 4 (code -101), field "action": missing']);
  });

  test('a wrong type', () => {
    const text = logic.text.replace('  - code: -102\n', '  - code: "-102x"\n');
    expect(problems(text)).toEqual([
      'row 5, field "code": expected a number, found the text "-102x"',
    ]);
  });

  test('an unknown action', () => {
    const text = logic.text.replace(/(  - code: -101\n    action: )retry/, '$1retyr');
    const [problem] = problems(text);
    expect(problem).toMatch(
      /^row 4 \(code -101\), field "action": unknown value "retyr"; expected one of /,
    );
    expect(problem).toContain('"retry"');
  });

  test('a duplicate code within a table', () => {
    const text = logic.text.replace('  - code: -102\n', '  - code: -101\n');
    expect(problems(text)).toEqual([
      'row 5 (code -101), field "code": duplicate code -101: row 4 already has it',
    ]);
  });

  test('overlapping ranges', () => {
    const text = logic.text.replace('    min: -1999\n', '    min: -2500\n');
    expect(problems(text)).toEqual([
      'range 3 (code -2000): range of -2000 overlaps the range of -1000',
    ]);
  });

  test('a range announced by no row', () => {
    const text = logic.text.replace(
      '  - code: -30000\n    max: -30000\n',
      '  - code: -40000\n    max: -40000\n',
    );
    expect(problems(text)).toEqual([
      'range 6 (code -40000), field "code": range announced by code -40000, but no row has that code',
    ]);
  });

  test('an unknown table slug', () => {
    expect(problems(logic.text, 'content/tables/logics.yaml')).toEqual([
      expect.stringMatching(
        /^unknown table slug "logics"; the file name must be one of access\.yaml, logic\.yaml/,
      ),
    ]);
  });

  test('an unknown field', () => {
    const text = logic.text.replace('    action: retry\n', '    action: retry\n    note: x\n');
    expect(problems(text)[0]).toBe('row 4 (code -101): unknown field "note"');
  });

  test('YAML that does not parse names the line', () => {
    const [problem] = problems(`${logic.text}\n  - [broken\n`);
    expect(problem).toMatch(/^not valid YAML: .*\(\d+:\d+\)/s);
  });

  test('an empty description', () => {
    const text = logic.text.replace('description: 成功', 'description: ""');
    expect(problems(text)).toEqual(['row 1 (code 0), field "description": must not be empty']);
  });
});
