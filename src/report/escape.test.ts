import { describe, expect, test } from 'vitest';
import { csvCell, csvRow, escapeHtml, escapeMarkdown, safeHref } from './escape';
import { REDACTED, redactSetCookieLine } from './redact';

describe('escapeHtml', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b &amp; c', 'a &amp; b &amp;amp; c'],
    ['`template`', '&#96;template&#96;'],
    ['<!-- comment --> ]]>', '&lt;!-- comment --&gt; ]]&gt;'],
    ['café ☕ 😀', 'café ☕ 😀'],
    ['nul\u0000bell\u0007esc\u001bdel\u007f', 'nul\ufffdbell\ufffdesc\ufffddel\ufffd'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['lone \ud800 high', 'lone \ufffd high'],
    ['lone \udc00 low', 'lone \ufffd low'],
    ['', ''],
  ])('%j', (input, want) => {
    expect(escapeHtml(input)).toBe(want);
  });

  test('non-strings and nullish', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  test('no output ever contains a raw < > " \' or & that is not an entity', () => {
    const nasty = '<>&"\'`'.repeat(3) + '\u2028\u0085<svg/onload=alert(1)>';
    for (let i = 0; i < nasty.length; i++) {
      const out = escapeHtml(nasty.slice(i));
      expect(out).not.toMatch(/[<>"'`]/);
      expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
    }
  });
});

describe('safeHref', () => {
  test.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['JaVaScRiPt:alert(1)', null],
    ['not a url', null],
  ])('%s', (input, want) => expect(safeHref(input)).toBe(want));
});

describe('csvCell (RFC 4180 + formula injection)', () => {
  test.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ["=cmd|'/C calc'!A0", `"'=cmd|'/C calc'!A0"`],
    ['a;=1', '"a;=1"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=1', 'a=1'],
  ])('%j → %s', (input, want) => expect(csvCell(input)).toBe(want));

  test('booleans, numbers and null', () => {
    expect(csvRow([true, 0, null, undefined, -5])).toBe("true,0,,,'-5");
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['a|b', 'a\\|b'],
    ['<script>', '\\<script\\>'],
    ['*bold* _it_ `code` [l](u)', '\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)'],
    ['two\nlines', 'two lines'],
    ['&lt;', '&amp;lt;'],
  ])('%j', (input, want) => expect(escapeMarkdown(input)).toBe(want));
});

describe('redactSetCookieLine', () => {
  test.each([
    ['sid=abc; Path=/; HttpOnly', `sid=${REDACTED}; Path=/; HttpOnly`],
    ['sid=abc', `sid=${REDACTED}`],
    ['sid = abc ; Secure', `sid =${REDACTED}; Secure`],
    ['sid=; Max-Age=0', 'sid=; Max-Age=0'],
    ['sid=""; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'sid=""; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
    ['bare_token; Path=/', `${REDACTED}; Path=/`],
    ['=nameless; Path=/', `=${REDACTED}; Path=/`],
    ['x==HYPERLINK("a"); Path=/', `x=${REDACTED}; Path=/`],
    ['', ''],
  ])('%j', (input, want) => expect(redactSetCookieLine(input)).toBe(want));
});
