/**
 * The brace scan jumps from one brace or quote to the next with `indexOf`; it must find what a
 * plain walk over every character finds (written here as the definition), also when a string
 * or an escape goes on from one line to the next.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  braceState,
  findObjects,
  scanBraces,
  type BraceState,
} from '../../src/lib/decode/split.ts';

/** The definition: every character in turn, braces counted outside JSON strings only. */
function walk(text: string, state: BraceState, closed: [number, number][]): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (ch === '\\') state.escaped = true;
      else if (ch === '"') state.inString = false;
    } else if (ch === '{') state.open.push(i);
    else if (ch === '}') {
      const start = state.open.pop();
      if (start !== undefined) closed.push([start, i + 1]);
    } else if (ch === '"' && state.open.length > 0) state.inString = true;
  }
}

const piece = fc.oneof(
  fc.constantFrom('{', '}', '"', '\\', '\\\\', '\\"', 'ret', ':', ',', ' ', '{"a":"', '"}'),
  fc.string({ maxLength: 6 }),
);
const line = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('scanBraces', () => {
  test('closes the objects a walk over every character closes, line after line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const fast = braceState();
        const slow = braceState();
        for (const text of lines) {
          const found: [number, number][] = [];
          const expected: [number, number][] = [];
          scanBraces(text, 0, fast, (start, end) => found.push([start, end]));
          walk(text, slow, expected);
          expect(found).toEqual(expected);
          expect(fast).toEqual(slow);
          // Each line's open braces are offsets in that line.
          fast.open.length = 0;
          slow.open.length = 0;
        }
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['a backslash before the closing quote', '{"a":"x\\\\"}', [[0, 11]]],
    ['an escaped quote inside the string', '{"a":"x\\"}"}', [[0, 12]]],
    ['a brace inside a string', '{"a":"}{"}', [[0, 10]]],
    ['a quote outside braces', 'say "hi" {"ret":1}', [[9, 18]]],
  ])('%s', (_, text, spans) => {
    expect(findObjects(text)[0]).toEqual(spans);
  });

  test('a string left open at the end of a line, its last backslash escaping the next line', () => {
    const state = braceState();
    scanBraces('{"msg":"a\\', 0, state);
    expect(state).toMatchObject({ inString: true, escaped: true });
    const closed: [number, number][] = [];
    scanBraces('"still in the string", "x":1}', 0, state, (start, end) =>
      closed.push([start, end]),
    );
    expect(state.inString).toBe(false);
    expect(closed).toEqual([[0, 29]]);
  });

  test('a line of a megabyte inside one string is read in one pass', () => {
    const text = `{"image":"${'A'.repeat(1 << 20)}","ret":-303}`;
    expect(findObjects(text)).toEqual([[[0, text.length]], null]);
  });
});
