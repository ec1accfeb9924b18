import { Alert, Form, Input, Modal, Select } from 'antd';
import { type StaffRequestDetail } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useDivisions } from '@/lib/divisions';
import { useSubmitError } from '@/lib/form';

const FIELDS = ['divisionCode', 'reason'] as const;
type Values = { divisionCode: string; reason: string };

type Props = {
  request: StaffRequestDetail;
  open: boolean;
  pending: boolean;
  onClose: () => void;
  onTransfer: (values: Values) => Promise<unknown>;
};

/** To another township or up to the county, with the reason the receiving office reads. */
export function TransferModal({ request, open, pending, onClose, onTransfer }: Props) {
  const [form] = Form.useForm<Values>();
  const divisions = useDivisions();
  const submitError = useSubmitError(form, FIELDS);
  const county = divisions.data;
  const options = county
    ? [{ value: county.code, label: `${county.name}（县级）` }, ...county.children.map((township) => ({ value: township.code, label: township.name }))].filter(
        (option) => option.value !== request.handlerCode,
      )
    : [];

  return (
    <Modal
      title="转办诉求"
      open={open}
      okText="确认转办"
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onCancel={() => {
        submitError.clear();
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`转办后由接收单位办理，${request.handlerName}将看不到这条诉求。办理期限不变。`} />
      <ErrorAlert error={submitError.error} title="转办未完成" />
      <Form
        form={form}
        layout="vertical"
        name="request-transfer"
        preserve={false}
        onFinish={async (values) => {
          submitError.clear();
          try {
            await onTransfer({ divisionCode: values.divisionCode, reason: values.reason.trim() });
            onClose();
          } catch (error) {
            submitError.onError(error);
          }
        }}
      >
        <Form.Item label="转给" name="divisionCode" rules={[{ required: true, message: '请选择接收的乡镇或县级' }]}>
          <Select placeholder="选择乡镇或县级" options={options} loading={divisions.isLoading} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          label="转办原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写转办原因' },
            { min: 2, message: '请填写转办原因' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：该安置点由邻镇管理" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
