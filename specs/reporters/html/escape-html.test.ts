import fc from 'fast-check';
import { escapeHtml } from '../../../harness/reporters/html/escape-html';
import { breakable, html, joinHtml, SafeHtml, trustedHtml } from '../../../harness/reporters/html/html';

/** What a browser does to escaped text: the inverse of escapeHtml. */
const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x2028|#x2029);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x2028': '\u2028', '#x2029': '\u2029' })[e]!);

describe('escapeHtml', () => {
  it('escapes markup, both quotes, ampersands and the line separators', () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`'a' & b ]]> </style>\u2028\u2029`)).toBe('&#39;a&#39; &amp; b ]]&gt; &lt;/style&gt;&#x2028;&#x2029;');
  });

  it('leaves no character that could open a tag or leave an attribute, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"'\u2028\u2029]/);
        expect(unescape(escaped)).toBe(s);
      }),
    );
  });
});

describe('html template', () => {
  it('escapes interpolated strings and numbers in text and attributes, and keeps safe markup', () => {
    const value = '"><img src=x onerror=alert(1)>';
    expect(html`<td title="${value}">${value}</td>`.toString()).toBe(
      '<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>',
    );
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b></p>');
  });

  it('renders arrays item by item and null, undefined and false as nothing', () => {
    expect(html`<ul>${['<a>', html`<li>b</li>`, null, undefined, false, 3]}</ul>`.toString()).toBe('<ul>&lt;a&gt;<li>b</li>3</ul>');
    expect(joinHtml(['<x>', html`<br>`], ', ').toString()).toBe('&lt;x&gt;, <br>');
  });

  it('cannot be forged with new: only html`…` and trustedHtml make SafeHtml', () => {
    const Forge = SafeHtml as unknown as new (token: symbol, markup: string) => SafeHtml;
    expect(() => new Forge(Symbol('safe-html'), '<script>')).toThrow(TypeError);
    expect(trustedHtml('<style></style>').toString()).toBe('<style></style>');
  });

  it('breaks names after separators without splitting an entity', () => {
    expect(breakable('days_since_last_login').toString()).toBe('days_<wbr>since_<wbr>last_<wbr>login');
    expect(breakable('a_<b>&c').toString()).toBe('a_<wbr>&lt;b&gt;&amp;c');
  });
});
