import type { ReactNode } from 'react';
import { Card, Empty, Flex, Steps, Tag, Timeline, Typography } from 'antd';
import { REQUEST_STATUS_LABELS, type StaffRequestDetail } from '@anqian/shared';
import { formatChinaTime } from '@/features/resident-requests/utils/china-time';

/** Exactly what the resident sees in the mini-program: four stages and the public history. */
export function ResidentViewCard({ request }: { request: StaffRequestDetail }) {
  const { residentView } = request;
  const current = residentView.steps.filter((step) => step.at).length - 1;
  return (
    <Card title="群众看到的进度" size="small" extra={<Typography.Text type="secondary">内部备注和办理记录群众看不到</Typography.Text>}>
      <Flex vertical gap={16}>
        {residentView.stage === 'withdrawn' ? (
          <Tag>群众已撤回</Tag>
        ) : (
          <Steps
            size="small"
            current={current}
            items={residentView.steps.map((step) => ({ title: step.label, description: step.at ? formatChinaTime(step.at) : '—' }))}
          />
        )}
        <Timeline
          items={residentView.history.map((entry) => ({
            color: entry.kind === 'reply' ? 'green' : entry.kind === 'reopened' ? 'purple' : 'blue',
            children: (
              <Flex vertical>
                <Typography.Text strong>
                  {entry.label} <Typography.Text type="secondary">{formatChinaTime(entry.at)}</Typography.Text>
                </Typography.Text>
                {entry.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{entry.text}</Typography.Paragraph>}
              </Flex>
            ),
          }))}
        />
      </Flex>
    </Card>
  );
}

/** Staff only: every handling step with who and why, and the internal notes. */
export function InternalRecordCard({ request, noteForm }: { request: StaffRequestDetail; noteForm: ReactNode }) {
  return (
    <Card title="内部办理记录（群众看不到）" size="small" styles={{ header: { background: '#fffbe6' } }}>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={5}>内部备注</Typography.Title>
          {request.notes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有内部备注" />
          ) : (
            <Timeline
              items={request.notes.map((note) => ({
                color: 'gray',
                children: (
                  <Flex vertical>
                    <Typography.Text type="secondary">
                      {note.staffName}（{note.roleLabel}） {formatChinaTime(note.at)}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{note.text}</Typography.Paragraph>
                  </Flex>
                ),
              }))}
            />
          )}
          {noteForm}
        </div>
        <div>
          <Typography.Title level={5}>办理记录</Typography.Title>
          <Timeline
            items={request.steps.map((step) => ({
              color: step.action === 'transfer' ? 'orange' : 'blue',
              children: (
                <Flex vertical>
                  <Typography.Text>
                    <Typography.Text strong>{step.label}</Typography.Text> · {step.actorName} · {formatChinaTime(step.at)}
                    {step.from && step.to && step.from !== step.to && (
                      <Typography.Text type="secondary">
                        {' '}
                        （{REQUEST_STATUS_LABELS[step.from]} → {REQUEST_STATUS_LABELS[step.to]}）
                      </Typography.Text>
                    )}
                  </Typography.Text>
                  {step.detail && <Typography.Text type="secondary">{step.detail}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        </div>
      </Flex>
    </Card>
  );
}
