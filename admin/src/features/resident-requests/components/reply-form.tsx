import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { REQUEST_REPLY_MAX, REQUEST_REPLY_TEMPLATES, type RequestCategory } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useSubmitError } from '@/lib/form';

const FIELDS = ['text'] as const;

type Props = {
  category: RequestCategory;
  pending: boolean;
  onReply: (text: string) => Promise<unknown>;
};

/** The answer the resident reads: start from a template of the category, then write the specifics. */
export function ReplyForm({ category, pending, onReply }: Props) {
  const [form] = Form.useForm<{ text: string }>();
  const templates = REQUEST_REPLY_TEMPLATES[category];
  const submitError = useSubmitError(form, FIELDS);
  return (
    <>
    <ErrorAlert error={submitError.error} title="答复未发送" />
    <Form
      form={form}
      layout="vertical"
      name="request-reply"
      onFinish={async ({ text }) => {
        submitError.clear();
        try {
          await onReply(text.trim());
          form.resetFields();
        } catch (error) {
          submitError.onError(error);
        }
      }}
    >
      <Form.Item label="答复模板">
        <Select
          placeholder="选择一个模板，再按实际情况修改"
          aria-label="答复模板"
          options={templates.map((template, index) => ({ value: index, label: template.title }))}
          onChange={(index: number) => form.setFieldsValue({ text: templates[index].text })}
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      <Form.Item
        label="答复内容（群众可见）"
        name="text"
        rules={[
          { required: true, whitespace: true, message: '请填写答复内容' },
          { min: 5, message: '答复内容至少 5 个字' },
        ]}
      >
        <Input.TextArea rows={5} maxLength={REQUEST_REPLY_MAX} showCount placeholder="用群众听得懂的话说明办理结果；答复后会给群众发微信消息" />
      </Form.Item>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">答复后群众可以评价，7 天内可申请重新处理一次。</Typography.Text>
        <Button type="primary" htmlType="submit" loading={pending}>
          发送答复
        </Button>
      </Flex>
    </Form>
    </>
  );
}
