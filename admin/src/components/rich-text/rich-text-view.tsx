import { EditorContent, useEditor } from '@tiptap/react';
import { richTextExtensions } from '@/components/rich-text/rich-text-extensions';
import '@/components/rich-text/rich-text.css';

/**
 * Renders a stored body through the editor's schema instead of innerHTML: the server has already
 * sanitised it, and the schema keeps only the allowed elements a second time.
 */
export function RichTextView({ html }: { html: string }) {
  const editor = useEditor({ extensions: richTextExtensions, content: html, editable: false }, [html]);
  return (
    <div className="rich-text-view">
      <EditorContent editor={editor} />
    </div>
  );
}
