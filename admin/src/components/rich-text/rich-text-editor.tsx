import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Divider, Flex, Form, Input, Popover, Select, Space, Tooltip, Typography, theme } from 'antd';
import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  DisconnectOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { RICH_TEXT_URL_PATTERN } from '@anqian/shared';
import { richTextExtensions } from '@/components/rich-text/rich-text-extensions';
import '@/components/rich-text/rich-text.css';

type Props = {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  /** Set by Form.Item; passed on to the editable element. */
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
};

/**
 * The policy body as rich text. `onChange` fires only for the user's own edits, so a document
 * opened and saved without touching the body keeps its stored HTML (and makes no new version).
 */
export function RichTextEditor({ id, value, onChange, disabled, 'aria-invalid': ariaInvalid, 'aria-describedby': describedBy }: Props) {
  const { token } = theme.useToken();
  const invalid = ariaInvalid === true || ariaInvalid === 'true';
  const emitted = useRef(value);
  const editor = useEditor({
    extensions: richTextExtensions,
    content: value ?? '',
    editable: !disabled,
    onUpdate: ({ editor: current }) => {
      const html = current.isEmpty ? '' : current.getHTML();
      emitted.current = html;
      onChange?.(html);
    },
  });

  // A form reset or a reload puts a different value in from outside.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      editor.commands.setContent(value ?? '', { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    editor.setEditable(!disabled);
  }, [editor, disabled]);

  useEffect(() => {
    const attributes: Record<string, string> = { role: 'textbox', 'aria-label': '正文', 'aria-multiline': 'true' };
    if (id) attributes.id = id;
    if (invalid) attributes['aria-invalid'] = 'true';
    if (describedBy) attributes['aria-describedby'] = describedBy;
    editor.setOptions({ editorProps: { attributes } });
  }, [editor, id, invalid, describedBy]);

  return (
    <div
      className="rich-text"
      style={{
        border: `1px solid ${invalid ? token.colorError : token.colorBorder}`,
        borderRadius: token.borderRadius,
        background: disabled ? token.colorBgContainerDisabled : token.colorBgContainer,
      }}
    >
      {!disabled && (
        // The toolbar's own controls must not take the body field's error colour.
        <Form.Item noStyle validateStatus="">
          <Toolbar editor={editor} />
        </Form.Item>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

const BLOCK_OPTIONS = [
  { value: 0, label: '正文' },
  { value: 2, label: '一级标题' },
  { value: 3, label: '二级标题' },
  { value: 4, label: '三级标题' },
];

function Toolbar({ editor }: { editor: Editor }) {
  const { token } = theme.useToken();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading: ([2, 3, 4] as const).find((level) => current.isActive('heading', { level })) ?? 0,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      table: current.isActive('table'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <Flex
      role="toolbar"
      aria-label="正文格式"
      wrap
      align="center"
      gap={4}
      style={{ padding: '6px 8px', borderBottom: `1px solid ${token.colorBorderSecondary}`, background: token.colorFillQuaternary }}
    >
      <Select
        aria-label="段落样式"
        size="small"
        value={state.heading}
        options={BLOCK_OPTIONS}
        style={{ width: 104 }}
        onChange={(level: number) =>
          level === 0 ? chain().setParagraph().run() : chain().setHeading({ level: level as 2 | 3 | 4 }).run()
        }
      />
      <Divider orientation="vertical" />
      <ToolButton label="加粗" icon={<BoldOutlined />} active={state.bold} onClick={() => chain().toggleBold().run()} />
      <ToolButton label="斜体" icon={<ItalicOutlined />} active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <ToolButton label="下划线" icon={<UnderlineOutlined />} active={state.underline} onClick={() => chain().toggleUnderline().run()} />
      <Divider orientation="vertical" />
      <ToolButton label="无序列表" icon={<UnorderedListOutlined />} active={state.bulletList} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="有序列表" icon={<OrderedListOutlined />} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()} />
      <ToolButton label="引用" icon={<span aria-hidden>“</span>} active={state.blockquote} onClick={() => chain().toggleBlockquote().run()} />
      <Divider orientation="vertical" />
      <LinkButton editor={editor} active={state.link} />
      <ToolButton label="取消链接" icon={<DisconnectOutlined />} disabled={!state.link} onClick={() => chain().extendMarkRange('link').unsetLink().run()} />
      <Divider orientation="vertical" />
      <ToolButton
        label="插入表格（3 行 3 列，首行为表头）"
        icon={<TableOutlined />}
        disabled={state.table}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      />
      {state.table && (
        <Space size={4}>
          <ToolButton label="在下方插入行" icon={<InsertRowBelowOutlined />} onClick={() => chain().addRowAfter().run()} />
          <ToolButton label="在右侧插入列" icon={<InsertRowRightOutlined />} onClick={() => chain().addColumnAfter().run()} />
          <ToolButton label="删除行" icon={<DeleteRowOutlined />} onClick={() => chain().deleteRow().run()} />
          <ToolButton label="删除列" icon={<DeleteColumnOutlined />} onClick={() => chain().deleteColumn().run()} />
          <ToolButton label="删除表格" icon={<DeleteOutlined />} onClick={() => chain().deleteTable().run()} />
        </Space>
      )}
      <Divider orientation="vertical" />
      <ToolButton label="撤销" icon={<UndoOutlined />} disabled={!state.canUndo} onClick={() => chain().undo().run()} />
      <ToolButton label="重做" icon={<RedoOutlined />} disabled={!state.canRedo} onClick={() => chain().redo().run()} />
    </Flex>
  );
}

type ToolButtonProps = { label: string; icon: ReactNode; active?: boolean; disabled?: boolean; onClick: () => void };

function ToolButton({ label, icon, active, disabled, onClick }: ToolButtonProps) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        // Keeps the selection in the editor while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );
}

function LinkButton({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);

  const openPopover = (next: boolean) => {
    if (next) {
      setHref((editor.getAttributes('link').href as string | undefined) ?? '');
      setError(null);
    }
    setOpen(next);
  };

  const apply = () => {
    const url = href.trim();
    if (!RICH_TEXT_URL_PATTERN.test(url)) {
      setError('请输入以 http:// 或 https:// 开头的完整网址');
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !active) {
      chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href: url }).run();
    }
    setOpen(false);
  };

  return (
    <Popover
      open={open}
      onOpenChange={openPopover}
      trigger="click"
      title="链接地址"
      content={
        <Flex vertical gap={8} style={{ width: 320 }}>
          <Input
            autoFocus
            aria-label="链接地址"
            placeholder="https://"
            value={href}
            status={error ? 'error' : undefined}
            onChange={(event) => setHref(event.target.value)}
            onPressEnter={apply}
          />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            先选中文字再添加链接；未选中时直接插入网址。
          </Typography.Text>
          <Flex justify="flex-end" gap={8}>
            <Button size="small" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button size="small" type="primary" onClick={apply}>
              确定
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Tooltip title="添加链接">
        <Button
          size="small"
          type={active ? 'primary' : 'text'}
          ghost={active}
          icon={<LinkOutlined />}
          aria-label="添加链接"
          onMouseDown={(event) => event.preventDefault()}
        />
      </Tooltip>
    </Popover>
  );
}
