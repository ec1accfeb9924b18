import { richTextPlainText, RICH_TEXT_URL_PATTERN, utf8ByteLength } from './rich-text';

describe('richTextPlainText', () => {
  it('keeps the words, separates blocks and decodes entities', () => {
    expect(richTextPlainText('<h2>第一章</h2><p><strong>第三条</strong>&nbsp;每人 25000&nbsp;元</p><ul><li>集中</li><li>分散</li></ul>')).toBe(
      '第一章 第三条 每人 25000 元 集中 分散',
    );
    expect(richTextPlainText('<p>A &amp; B &lt;c&gt; &#x6587;&#21495;</p>')).toBe('A & B <c> 文号');
  });

  it('leaves unknown or impossible entities as they are', () => {
    expect(richTextPlainText('&foo; &#0; &#x110000;')).toBe('&foo; &#0; &#x110000;');
  });
});

describe('RICH_TEXT_URL_PATTERN', () => {
  it.each(['https://example.gov.cn/a.pdf', 'http://example.com/x?y=1'])('accepts %s', (url) => {
    expect(RICH_TEXT_URL_PATTERN.test(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,xx', '/relative', '//evil.example', 'https://a.example/"onerror="x'])('refuses %s', (url) => {
    expect(RICH_TEXT_URL_PATTERN.test(url)).toBe(false);
  });
});

describe('utf8ByteLength', () => {
  it('counts bytes as UTF-8 does', () => {
    for (const text of ['', 'abc', '政策', 'é', '𠀀', 'a政é𠀀']) expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});
