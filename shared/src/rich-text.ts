/**
 * The rich-text allowlist (policy bodies, and later notices). The server sanitiser keeps only these
 * tags and attributes; the admin editor offers only these; the mini-program's RichText renders them.
 * `script`, `style` and `iframe` are dropped with their content; other tags are unwrapped (their text
 * stays); every attribute not listed here (event handlers, `style`, `class`) is dropped.
 */
export const RICH_TEXT_ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote',
  'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
] as const;

export const RICH_TEXT_ALLOWED_ATTRIBUTES: Partial<Record<(typeof RICH_TEXT_ALLOWED_TAGS)[number], readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** `href` and `src` must be absolute http(s) URLs: no `javascript:`, `data:` or relative paths. */
export const RICH_TEXT_URL_PATTERN = /^https?:\/\/[^\s"'<>]+$/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The readable text of sanitised rich text, for keyword search and plain-text previews. Not a
 * sanitiser: run it on what the server has already sanitised.
 */
export function richTextPlainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/h[2-4]|\/li|\/tr|\/blockquote)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Size in UTF-8 bytes, without Node's Buffer (the mini-program has none). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
