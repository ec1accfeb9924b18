import { useState, type ReactNode } from 'react';
import { Drawer, Flex, List, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';

export type VersionEntry = { version: number; savedAt: string; savedBy: string | null; current: boolean };

type Props = {
  open: boolean;
  onClose: () => void;
  /** Newest first; the current version first of all. */
  versions: VersionEntry[];
  /** What one version says, loaded when it is picked. */
  children: (version: number) => ReactNode;
};

/** "历史版本": the versions on the left, the picked one on the right; opens on the latest earlier one. */
export function VersionsDrawer({ open, onClose, versions, children }: Props) {
  const [selected, setSelected] = useState(versions[1]?.version ?? versions[0].version);

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} size="large" styles={{ body: { padding: 0 } }} destroyOnHidden>
      <Flex style={{ height: '100%' }}>
        <nav aria-label="版本列表" style={{ width: 220, flex: 'none', borderRight: '1px solid rgba(5,5,5,0.06)', overflowY: 'auto' }}>
          <List
            dataSource={versions}
            renderItem={(entry) => (
              <List.Item
                onClick={() => setSelected(entry.version)}
                aria-current={entry.version === selected}
                style={{ cursor: 'pointer', paddingInline: 16, background: entry.version === selected ? 'rgba(29,95,191,0.08)' : undefined }}
              >
                <Flex vertical gap={2}>
                  <Flex gap={4} align="center">
                    <Typography.Text strong>第 {entry.version} 版</Typography.Text>
                    {entry.current && <Tag color="blue">当前</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.savedAt)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {entry.savedBy}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </nav>
        <div style={{ flex: 1, overflowY: 'auto', padding: 24 }}>{children(selected)}</div>
      </Flex>
    </Drawer>
  );
}
