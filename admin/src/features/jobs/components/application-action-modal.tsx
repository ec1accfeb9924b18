import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { JOB_APPLICATION_ACTION_LABELS, type StaffJobApplication, type StaffJobApplicationAction } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useActOnApplication } from '@/features/jobs/api/act-on-application';

export type ApplicationActionTarget = { application: StaffJobApplication; action: StaffJobApplicationAction };

const PLACEHOLDERS: Record<StaffJobApplicationAction, string> = {
  view: '可不填',
  invite: '写明面试的时间、地点和要带的材料，如：请于 3 月 5 日上午 9 点到县人社局 2 楼面试，带身份证',
  hire: '写明入职时间和地点',
  reject: '可说明原因，并推荐其他岗位',
};

/** Confirms a status change and takes the message the resident will read in 我的求职. */
export function ApplicationActionModal({ target, onClose }: { target: ApplicationActionTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<{ message: string }>();
  const { message } = App.useApp();
  const act = useActOnApplication();
  const [failure, setFailure] = useState<unknown>(null);
  const label = target ? JOB_APPLICATION_ACTION_LABELS[target.action] : '';
  return (
    <Modal
      open={target !== null}
      title={target ? `${label}：${target.application.resume.name}` : ''}
      okText={label}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      confirmLoading={act.isPending}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then(({ message: text }) => {
          setFailure(null);
          act.mutate(
            { id: target!.application.id, action: target!.action, message: text?.trim() ?? '' },
            {
              onSuccess: () => {
                void message.success(`已${label}，群众会在小程序“我的求职”里看到`);
                onClose();
              },
              onError: setFailure,
            },
          );
        })
      }
    >
      <ErrorAlert error={failure} title="操作未完成" />
      <Form form={form} layout="vertical" name="application-action">
        <Form.Item label="给求职者的留言" name="message" rules={[{ max: 200, message: '留言最多 200 个字' }, ...(target?.action === 'invite' ? [{ required: true, whitespace: true, message: '请写明面试时间和地点' }] : [])]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={target ? PLACEHOLDERS[target.action] : ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
