import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Radio, Tag, Typography } from 'antd';
import { objectionBodySchema, resolveObjectionBodySchema, type Objection } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/lib/format';
import { useSubmitError, zodRule } from '@/lib/form';
import { useRecordObjection } from '@/features/registrations/api/record-objection';
import { useResolveObjection } from '@/features/registrations/api/resolve-objection';

const STATUS_TAGS: Record<Objection['status'], { color: string; label: string }> = {
  open: { color: 'warning', label: '待处理' },
  dismissed: { color: 'default', label: '异议不成立' },
  upheld: { color: 'error', label: '异议成立' },
};

type Props = {
  registrationId: string;
  objections: Objection[];
  /** Objections are recorded only while the household is on public notice. */
  canRecord: boolean;
  canResolve: boolean;
};

export function ObjectionsCard({ registrationId, objections, canRecord, canResolve }: Props) {
  const [recording, setRecording] = useState(false);
  const [resolving, setResolving] = useState<Objection | null>(null);

  return (
    <Card
      title="公示异议"
      extra={
        canRecord && (
          <Button onClick={() => setRecording(true)}>登记异议</Button>
        )
      }
    >
      {objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="公示期间没有收到异议" />
      ) : (
        <Flex vertical gap={16}>
          {objections.map((objection) => (
            <Flex key={objection.id} vertical gap={4} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
              <Flex justify="space-between" align="center">
                <Typography.Text strong>
                  异议人：{objection.raisedBy}
                  <Tag color={STATUS_TAGS[objection.status].color} style={{ marginInlineStart: 8 }}>
                    {STATUS_TAGS[objection.status].label}
                  </Tag>
                </Typography.Text>
                {canResolve && objection.status === 'open' && (
                  <Button size="small" type="primary" ghost onClick={() => setResolving(objection)} aria-label={`处理${objection.raisedBy}的异议`}>
                    处理
                  </Button>
                )}
              </Flex>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{objection.content}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {objection.recordedBy} 登记于 {formatDateTime(objection.recordedAt)}
              </Typography.Text>
              {objection.resolution && (
                <Typography.Text>
                  处理意见：{objection.resolution}
                  <Typography.Text type="secondary">
                    （{objection.resolvedBy}，{formatDateTime(objection.resolvedAt)}）
                  </Typography.Text>
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      <Modal open={recording} title="登记公示异议" onCancel={() => setRecording(false)} footer={null} destroyOnHidden maskClosable={false}>
        <RecordObjectionForm registrationId={registrationId} onClose={() => setRecording(false)} />
      </Modal>
      <Modal open={resolving !== null} title="处理公示异议" onCancel={() => setResolving(null)} footer={null} destroyOnHidden maskClosable={false}>
        {resolving && <ResolveObjectionForm registrationId={registrationId} objection={resolving} onClose={() => setResolving(null)} />}
      </Modal>
    </Card>
  );
}

type RecordValues = { raisedBy: string; content: string };
const RECORD_FIELDS = ['raisedBy', 'content'] as const;

function RecordObjectionForm({ registrationId, onClose }: { registrationId: string; onClose: () => void }) {
  const [form] = Form.useForm<RecordValues>();
  const { message } = App.useApp();
  const record = useRecordObjection();
  const submitError = useSubmitError(form, RECORD_FIELDS);

  const submit = (values: RecordValues) => {
    submitError.clear();
    record.mutate(
      { id: registrationId, body: { raisedBy: values.raisedBy.trim(), content: values.content.trim() } },
      {
        onSuccess: () => {
          void message.success('异议已登记，处理前不能审批');
          onClose();
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="登记未完成" />
      <Form<RecordValues> form={form} name="objection-form" layout="vertical" onFinish={submit}>
        <Form.Item label="异议人" name="raisedBy" rules={[{ required: true, whitespace: true, message: '请填写异议人' }, zodRule(objectionBodySchema.shape.raisedBy)]}>
          <Input maxLength={30} placeholder="姓名，或“匿名群众”" />
        </Form.Item>
        <Form.Item label="异议内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }, zodRule(objectionBodySchema.shape.content)]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            登记
          </Button>
        </Flex>
      </Form>
    </>
  );
}

type ResolveValues = { outcome?: 'dismissed' | 'upheld'; resolution: string };
const RESOLVE_FIELDS = ['outcome', 'resolution'] as const;

function ResolveObjectionForm({ registrationId, objection, onClose }: { registrationId: string; objection: Objection; onClose: () => void }) {
  const [form] = Form.useForm<ResolveValues>();
  const { message } = App.useApp();
  const resolve = useResolveObjection();
  const submitError = useSubmitError(form, RESOLVE_FIELDS);

  const submit = ({ outcome, resolution }: ResolveValues) => {
    submitError.clear();
    resolve.mutate(
      { id: registrationId, objectionId: objection.id, body: { outcome: outcome!, resolution: resolution.trim() } },
      {
        onSuccess: () => {
          void message.success('异议已处理');
          onClose();
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {objection.raisedBy}：{objection.content}
      </Typography.Paragraph>
      <ErrorAlert error={submitError.error} title="处理未完成" />
      <Form<ResolveValues> form={form} name="resolve-objection-form" layout="vertical" onFinish={submit}>
        <Form.Item label="处理结果" name="outcome" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: STATUS_TAGS.dismissed.label },
              { value: 'upheld', label: STATUS_TAGS.upheld.label },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="处理意见"
          name="resolution"
          rules={[{ required: true, whitespace: true, message: '请填写处理意见' }, zodRule(resolveObjectionBodySchema.shape.resolution)]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="核查经过和结论" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={resolve.isPending}>
            提交处理结果
          </Button>
        </Flex>
      </Form>
    </>
  );
}
