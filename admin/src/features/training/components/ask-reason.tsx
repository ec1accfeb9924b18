import { Flex, Input, Typography, type App } from 'antd';

type Api = ReturnType<typeof App.useApp>;

/** A confirmation that needs a reason (2–200 characters) the resident will read. */
export function askReason(
  { modal, message }: Pick<Api, 'modal' | 'message'>,
  options: { title: string; text: string; okText: string; danger?: boolean; onOk: (reason: string) => Promise<unknown> },
) {
  let reason = '';
  modal.confirm({
    title: options.title,
    content: (
      <Flex vertical gap={8}>
        <Typography.Text>{options.text}</Typography.Text>
        <Input.TextArea aria-label="原因" maxLength={200} rows={3} placeholder="原因（必填，群众可以看到）" onChange={(event) => (reason = event.target.value)} />
      </Flex>
    ),
    okText: options.okText,
    okButtonProps: { danger: options.danger },
    cancelText: '返回',
    onOk: async () => {
      if (reason.trim().length < 2) {
        void message.warning('请填写原因');
        throw new Error('reason required');
      }
      await options.onOk(reason.trim());
    },
  });
}
