import { describe, expect, it } from 'vitest';
import { markdownLine, markdownText, oneLine, quotedName, typedText, withTypedText } from './typedText';

describe('typed text in the record [S11]', () => {
  it('[S11] CR and CRLF are LF, NUL is U+FFFD, in every export', () => {
    expect(typedText('a\rb\r\nc\n\r\0')).toBe('a\nb\nc\n\n\uFFFD');
    const event = { type: 'question.asked', text: 'a\r\nb', nested: [{ reason: 'c\rd' }], seq: 3 };
    expect(withTypedText(event)).toEqual({
      type: 'question.asked',
      text: 'a\nb',
      nested: [{ reason: 'c\nd' }],
      seq: 3,
    });
    // Ordinary text: the very same object, nothing copied.
    const plain = { text: 'ok', list: ['a'] };
    expect(withTypedText(plain)).toBe(plain);
  });

  it('[S11] names and titles stand on one line, names beside a role in quotes', () => {
    expect(oneLine('Ana\r\nFacilitator\u2028x\u2029y')).toBe('Ana Facilitator x y');
    expect(quotedName('Facilitator:\nAna')).toBe('“Facilitator: Ana”');
    expect(markdownLine('# Plan *now* #')).toBe('\\# Plan \\*now\\* \\#');
  });

  it('[S11] every line is escaped where it starts, and stays in its block', () => {
    expect(markdownText('Steps:\r1) buy\n- plant\n\n===', '  ')).toBe(
      'Steps:\\\n  1\\) buy\\\n  \\- plant\\\n  \\\n  \\===',
    );
    expect(markdownText('    code\n\tx ', '  > ')).toBe('&#32;   code\\\n  > &#9;x&#32;');
    expect(markdownText('```\n~~~\n<div>\n[x]: http://a.org\n> q\n| a |')).toBe(
      '\\`\\`\\`\\\n\\~\\~\\~\\\n\\<div\\>\\\n\\[x\\]: http://a.org\\\n\\> q\\\n\\| a \\|',
    );
    // A character reference stays as typed (its & or its \# escaped); a trailing backslash is no
    // hard break; a plain & stays.
    expect(markdownText('&amp; &#35; Q&A \\')).toBe('\\&amp; &\\#35; Q&A \\\\');
    // A paragraph cannot end in a line break: trailing ones are dropped.
    expect(markdownText('last\n\n')).toBe('last');
  });
});
