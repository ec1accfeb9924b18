import type { Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { RICH_TEXT_URL_PATTERN } from '@anqian/shared';

/**
 * Only what the server's allowlist (shared/src/rich-text.ts) keeps: h2-h4, paragraphs, bold,
 * italic, underline, lists, blockquote, http(s) links and tables. Anything else pasted in is
 * dropped by the editor's schema before it is saved.
 */
export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    horizontalRule: false,
    // Configured below, restricted to absolute http(s) addresses.
    link: false,
  }),
  Link.configure({
    openOnClick: false,
    autolink: true,
    defaultProtocol: 'https',
    // The allowlist keeps only href and title on links.
    HTMLAttributes: { target: null, rel: null, class: null },
    isAllowedUri: (url) => RICH_TEXT_URL_PATTERN.test(url),
  }),
  // Without the colgroup and inline widths, which the server would strip anyway.
  Table.extend({ renderHTML: () => ['table', ['tbody', 0]] }).configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
];
