import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('search snippets', () => {
  it('split the [ ] markers into matches and plain text', () => {
    expect(snippetParts('…the [plants] are [dying] now')).toEqual([
      { text: '…the ', match: false },
      { text: 'plants', match: true },
      { text: ' are ', match: false },
      { text: 'dying', match: true },
      { text: ' now', match: false },
    ]);
  });

  it('keep markup as plain text', () => {
    expect(snippetParts('<img src=x onerror=alert(1)> [water]')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'water', match: true },
    ]);
  });

  it('keep an opening bracket that is never closed as written', () => {
    expect(snippetParts('costs [about 5')).toEqual([
      { text: 'costs ', match: false },
      { text: '[about 5', match: false },
    ]);
  });

  it('give nothing for an empty snippet', () => {
    expect(snippetParts('')).toEqual([]);
  });
});
