import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { officePhoneSchema, type StaffTownshipContact } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useSubmitError, zodRule } from '@/lib/form';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useTownshipContacts } from '@/features/township-contacts/api/list-township-contacts';
import { useUpdateTownshipContact } from '@/features/township-contacts/api/update-township-contact';

type Values = { officePhone?: string };
const FIELDS = ['officePhone'] as const;

/**
 * The county keeps each township office's phone: residents see it as a tap-to-call link on their
 * registration, the notices and 我的, and it is printed on every 公示 of the township.
 */
export function TownshipContactsPage() {
  useDocumentTitle('乡镇办公电话');
  const contacts = useTownshipContacts();
  const [editing, setEditing] = useState<string | null>(null);

  const columns: TableColumnsType<StaffTownshipContact> = [
    { title: '乡镇', dataIndex: 'townshipName', width: 160, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: '办公电话',
      key: 'officePhone',
      render: (_value, contact) =>
        editing === contact.townshipCode ? (
          <PhoneEditor contact={contact} onDone={() => setEditing(null)} />
        ) : (
          <Typography.Text type={contact.officePhone ? undefined : 'secondary'}>{contact.officePhone ?? '未设置'}</Typography.Text>
        ),
    },
    {
      title: '最后修改',
      key: 'updated',
      width: 320,
      render: (_value, contact) => (contact.updatedAt ? `${contact.updatedByName ?? ''}，${formatDateTime(contact.updatedAt)}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_value, contact) =>
        editing === contact.townshipCode ? null : (
          <Button type="link" size="small" disabled={editing !== null} onClick={() => setEditing(contact.townshipCode)} aria-label={`修改${contact.townshipName}办公电话`}>
            修改
          </Button>
        ),
    },
  ];

  return (
    <Card title="乡镇办公电话">
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="群众在小程序的登记详情、公示和「我的」页面看到所在乡镇的办公电话，点一下就能拨打；公示张贴页和 PDF 也印着这个电话。请填工作时间有人接听的号码。"
        />
        {contacts.isError && !contacts.data ? (
          <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} title="乡镇办公电话加载失败" />
        ) : (
          <Table<StaffTownshipContact>
            rowKey="townshipCode"
            columns={columns}
            dataSource={contacts.data?.items}
            loading={contacts.isFetching}
            pagination={false}
          />
        )}
      </Flex>
    </Card>
  );
}

/** Inline editing with a confirmation, since residents will dial whatever is saved. */
function PhoneEditor({ contact, onDone }: { contact: StaffTownshipContact; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const update = useUpdateTownshipContact();
  const submitError = useSubmitError(form, FIELDS);

  const save = ({ officePhone }: Values) => {
    const typed = officePhone?.trim() ?? '';
    const next = typed === '' ? null : officePhoneSchema.parse(typed);
    if (next === contact.officePhone) {
      onDone();
      return;
    }
    modal.confirm({
      title: next ? `把${contact.townshipName}的办公电话设为 ${next}？` : `清除${contact.townshipName}的办公电话？`,
      content: next
        ? '保存后群众在小程序里会看到并拨打这个号码，新发布的公示也会印上它。'
        : '清除后群众在小程序里看不到这个乡镇的电话，只能到乡镇或村委会当面询问。',
      okText: next ? '保存' : '清除',
      cancelText: '再看看',
      onOk: () =>
        new Promise<void>((resolve) => {
          submitError.clear();
          update.mutate(
            { townshipCode: contact.townshipCode, officePhone: next },
            {
              onSuccess: () => {
                void message.success(next ? `${contact.townshipName}办公电话已保存` : `${contact.townshipName}办公电话已清除`);
                onDone();
                resolve();
              },
              onError: (error) => {
                submitError.onError(error);
                resolve();
              },
            },
          );
        }),
    });
  };

  return (
    <Flex vertical gap={8}>
      <ErrorAlert error={submitError.error} title="没有保存" />
      <Form<Values> form={form} layout="inline" name={`township-phone-${contact.townshipCode}`} initialValues={{ officePhone: contact.officePhone ?? '' }} onFinish={save}>
        <Form.Item name="officePhone" rules={[zodRule(officePhoneSchema, { optional: true })]} style={{ marginBottom: 0 }}>
          <Input autoFocus aria-label={`${contact.townshipName}办公电话`} placeholder="如 0878-8712345，留空为清除" maxLength={20} style={{ width: 240 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Space>
      </Form>
    </Flex>
  );
}
