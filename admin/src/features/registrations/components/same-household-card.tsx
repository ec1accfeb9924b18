import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { type ClashingRegistration, keepRegistrationBodySchema, RESETTLEMENT_TYPE_LABELS, WILLINGNESS_LABELS } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { RegistrationStatusTag } from '@/components/registration-status-tag';
import { formatDateTime } from '@/lib/format';
import { useSubmitError, zodRule } from '@/lib/form';
import { useKeepRegistration } from '@/features/registrations/api/keep-registration';

const SOURCE_LABELS: Record<ClashingRegistration['source'], string> = { resident: '居民本人', cadre: '村干部代填', import: '台账导入' };

type Props = {
  currentId: string;
  sameHousehold: { registrations: ClashingRegistration[]; outsideArea: number };
  canKeep: boolean;
};

/** A household registered more than once (same head ID number): the registrations side by side, and keeping one. */
export function SameHouseholdCard({ currentId, sameHousehold, canKeep }: Props) {
  const [keeping, setKeeping] = useState<ClashingRegistration | null>(null);
  const { registrations, outsideArea } = sameHousehold;

  const columns: ColumnsType<ClashingRegistration> = [
    {
      key: 'which',
      title: '登记',
      render: (_, row) =>
        row.id === currentId ? <Tag color="blue">本份</Tag> : <Link to={`/registrations/${row.id}`}>查看</Link>,
    },
    { key: 'source', title: '提交方式', render: (_, row) => SOURCE_LABELS[row.source] },
    { key: 'submittedAt', title: '提交时间', render: (_, row) => formatDateTime(row.submittedAt) },
    { key: 'status', title: '状态', render: (_, row) => <RegistrationStatusTag status={row.status} /> },
    { key: 'head', title: '户主', render: (_, row) => `${row.headName}（${row.headIdNumberMasked}）` },
    { key: 'phone', title: '联系电话', dataIndex: 'headPhoneMasked' },
    { key: 'village', title: '所在村', render: (_, row) => `${row.villageName}，${row.address}` },
    { key: 'members', title: '人数', dataIndex: 'memberCount' },
    {
      key: 'wishes',
      title: '意愿',
      render: (_, row) =>
        `${WILLINGNESS_LABELS[row.willingness]}${row.resettlementType ? ` · ${RESETTLEMENT_TYPE_LABELS[row.resettlementType]}` : ''}`,
    },
    ...(canKeep
      ? [
          {
            key: 'keep',
            title: '操作',
            fixed: 'right' as const,
            render: (_: unknown, row: ClashingRegistration) => (
              <Button size="small" onClick={() => setKeeping(row)} aria-label={`保留${formatDateTime(row.submittedAt)}提交的这一份`}>
                保留这一份
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title="同户多次登记">
      <Alert
        type="warning"
        showIcon
        title={`户主身份证号相同的在办登记共 ${registrations.length + outsideArea} 份`}
        description={
          <>
            请与农户核对后保留一份，其余登记不再办理，提交人会收到说明（不会告知其他登记的内容）。选定之前不能受理。
            {outsideArea > 0 && ` 另有 ${outsideArea} 份在其他乡镇，由所在乡镇或县级管理员处理。`}
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <Table<ClashingRegistration> rowKey="id" size="small" columns={columns} dataSource={registrations} pagination={false} scroll={{ x: 'max-content' }} />
      <KeepModal target={keeping} others={registrations.filter((row) => row.id !== keeping?.id).length} onClose={() => setKeeping(null)} />
    </Card>
  );
}

type Values = { reason?: string };
const FIELDS = ['reason'] as const;

function KeepModal({ target, others, onClose }: { target: ClashingRegistration | null; others: number; onClose: () => void }) {
  return (
    <Modal open={target !== null} title="保留这一份登记" onCancel={onClose} footer={null} destroyOnHidden maskClosable={false}>
      {target && <KeepForm target={target} others={others} onClose={onClose} />}
    </Modal>
  );
}

function KeepForm({ target, others, onClose }: { target: ClashingRegistration; others: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const keep = useKeepRegistration();
  const submitError = useSubmitError(form, FIELDS);

  const submit = ({ reason }: Values) => {
    submitError.clear();
    keep.mutate(
      { id: target.id, body: { reason: reason?.trim() || undefined } },
      {
        onSuccess: () => {
          void message.success(`已保留 ${formatDateTime(target.submittedAt)} 提交的登记，其余 ${others} 份不再办理`);
          onClose();
          navigate(`/registrations/${target.id}`);
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <>
      <Typography.Paragraph>
        保留{target.headName}户这一份登记（{SOURCE_LABELS[target.source]}，{formatDateTime(target.submittedAt)} 提交）。本辖区内同户的其余 {others}{' '}
        份在办登记将标记为“同户重复登记，不予受理”，提交人会看到下面的说明。
      </Typography.Paragraph>
      <ErrorAlert error={submitError.error} title="保留未完成" />
      <Form<Values> form={form} name="keep-form" layout="vertical" onFinish={submit}>
        <Form.Item label="给其余提交人的说明（可不填）" name="reason" rules={[zodRule(keepRegistrationBodySchema.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="不填则为：经乡镇核对，本份登记不再办理。如有疑问请咨询乡镇。" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={keep.isPending}>
            保留并关闭其余 {others} 份
          </Button>
        </Flex>
      </Form>
    </>
  );
}
