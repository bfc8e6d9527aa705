import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readShareFragment, shareFragment } from '../../src/components/decoder/share.ts';

describe('share link fragment', () => {
  test('carries the text percent-encoded after #q=, and gives it back', () => {
    const text = '{"ret":-10000,"msg":"-73,パスワード　誤り"}\n−３０３ & 100%';
    const fragment = shareFragment(text);
    expect(fragment).toMatch(/^#q=[\w.!~*'()%-]+$/);
    expect(readShareFragment(fragment ?? '')).toBe(text);
  });

  test('any text round-trips; a lone surrogate becomes U+FFFD instead of throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(readShareFragment(shareFragment(text) ?? '')).toBe(text);
      }),
    );
    expect(readShareFragment(shareFragment('a\uD800b') ?? '')).toBe('a\uFFFDb');
  });

  test('a text whose fragment would pass 16,000 characters is not shared', () => {
    expect(shareFragment('x'.repeat(15_997))).toHaveLength(16_000);
    expect(shareFragment('x'.repeat(15_998))).toBeNull();
    // Each of these characters takes nine in the fragment.
    expect(shareFragment('あ'.repeat(2_000))).toBeNull();
  });

  test('other fragments and broken encodings carry no text', () => {
    for (const hash of ['', '#', '#top', '#x=1', '#q=%E3%81', '#q=%zz']) {
      expect(readShareFragment(hash)).toBeNull();
    }
    expect(readShareFragment('#q=')).toBe('');
  });
});
