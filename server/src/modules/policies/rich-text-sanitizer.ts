import sanitizeHtml from 'sanitize-html';
import { RICH_TEXT_ALLOWED_ATTRIBUTES, RICH_TEXT_ALLOWED_TAGS, RICH_TEXT_URL_PATTERN } from '@anqian/shared';

/** Keeps `href` / `src` only when it is an absolute http(s) URL (entities are already decoded here). */
const keepSafeUrl =
  (attribute: 'href' | 'src'): sanitizeHtml.Transformer =>
  (tagName, attribs) => {
    const { [attribute]: url, ...rest } = attribs;
    return { tagName, attribs: url !== undefined && RICH_TEXT_URL_PATTERN.test(url.trim()) ? { ...attribs, [attribute]: url.trim() } : rest };
  };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(RICH_TEXT_ALLOWED_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]])),
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Tags outside the list are unwrapped (their text stays); these go with everything inside them.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'noscript', 'template', 'textarea', 'option', 'svg', 'math', 'title', 'head'],
  transformTags: { a: keepSafeUrl('href'), img: keepSafeUrl('src') },
  // An image without a usable source shows nothing.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * Policy bodies (and later notices) as the server stores them: only the allowlist of
 * shared/src/rich-text.ts survives; scripts, event handlers, `javascript:` URLs and iframes do not.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
