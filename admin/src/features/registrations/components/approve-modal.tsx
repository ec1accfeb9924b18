import { Alert, App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { approveBodySchema, RESETTLEMENT_TYPE_LABELS, type RegistrationDetail } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useSubmitError, zodRule } from '@/lib/form';
import { useApproveRegistration } from '@/features/registrations/api/approve-registration';
import { useSiteChoices } from '@/features/registrations/api/list-site-choices';

type Values = { siteId?: string; note?: string };
const FIELDS = ['siteId', 'note'] as const;

type Props = { registration: RegistrationDetail; open: boolean; onClose: () => void };

export function ApproveModal({ registration, open, onClose }: Props) {
  return (
    <Modal open={open} title="审批通过" onCancel={onClose} footer={null} destroyOnHidden maskClosable={false} width={600}>
      <ApproveForm registration={registration} onClose={onClose} />
    </Modal>
  );
}

function ApproveForm({ registration, onClose }: Omit<Props, 'open'>) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const approve = useApproveRegistration();
  const sites = useSiteChoices(true);
  const submitError = useSubmitError(form, FIELDS);
  const { wishes } = registration;
  const siteRequired = wishes.resettlementType === 'centralized';

  const siteOptions = (sites.data?.items ?? []).map((site) => ({
    value: site.id,
    label: `${site.name}（${site.townshipName}）剩余 ${site.remaining} 户`,
    disabled: site.remaining <= 0,
  }));

  const submit = ({ siteId, note }: Values) => {
    const site = sites.data?.items.find((candidate) => candidate.id === siteId);
    modal.confirm({
      title: '确认审批通过？',
      content: site
        ? `${registration.headName}户将被安置到${site.name}，审批结果会通知居民。`
        : `${registration.headName}户的搬迁登记将审批通过，审批结果会通知居民。`,
      okText: '审批通过',
      cancelText: '再想想',
      onOk: () => {
        submitError.clear();
        approve.mutate(
          { id: registration.id, body: { siteId, note: note?.trim() || undefined } },
          {
            onSuccess: () => {
              void message.success(`${registration.headName}户的登记已审批通过`);
              onClose();
            },
            onError: submitError.onError,
          },
        );
      },
    });
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={`居民意愿：${wishes.resettlementType ? RESETTLEMENT_TYPE_LABELS[wishes.resettlementType] : '未选择安置方式'}${
          wishes.preferredSite ? `，意向安置点：${wishes.preferredSite.name}` : ''
        }`}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={submitError.error} title="审批未完成" />
      {sites.isError && <ErrorAlert error={sites.error} title="安置点加载失败" />}
      <Form<Values>
        form={form}
        name="approve-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{ siteId: siteRequired ? wishes.preferredSite?.id : undefined }}
      >
        <Form.Item
          label="安置点"
          name="siteId"
          // One message at a time under the field: the rule's when it fails, otherwise this hint.
          extra={siteRequired ? undefined : '非集中安置可不分配安置点'}
          rules={[{ required: siteRequired, message: '集中安置须选择安置点' }]}
        >
          <Select
            options={siteOptions}
            loading={sites.isLoading}
            allowClear={!siteRequired}
            placeholder="请选择安置点"
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={sites.isLoading ? '加载中…' : '没有可选的安置点'}
          />
        </Form.Item>
        <Form.Item label="审批意见" name="note" extra="选填，居民可以看到" rules={[zodRule(approveBodySchema.shape.note.unwrap(), { optional: true })]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={approve.isPending}>
            审批通过
          </Button>
        </Flex>
      </Form>
    </>
  );
}
