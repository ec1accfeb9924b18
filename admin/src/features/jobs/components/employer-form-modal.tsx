import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { type Employer, employerBodySchema, type EmployerBody, type UpdateEmployerBody } from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useSubmitError, zodRule } from '@/lib/form';
import { useSaveEmployer } from '@/features/jobs/api/save-employer';

type Values = { name: string; creditCode: string; industry: string; divisionCode?: string; address: string; contactName: string; contactPhone?: string };

const FIELDS = ['name', 'creditCode', 'industry', 'divisionCode', 'address', 'contactName', 'contactPhone'] as const;
const shape = employerBodySchema.shape;

export type EmployerFormTarget = { mode: 'create' } | { mode: 'edit'; employer: Employer };

export function EmployerFormModal({ target, onClose }: { target: EmployerFormTarget | null; onClose: () => void }) {
  return (
    <Modal open={target !== null} title={target?.mode === 'edit' ? '编辑用工单位' : '新建用工单位'} onCancel={onClose} footer={null} maskClosable={false} destroyOnHidden width={640}>
      {target && <EmployerForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function EmployerForm({ target, onClose }: { target: EmployerFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveEmployer();
  const submitError = useSubmitError(form, FIELDS);
  const editing = target.mode === 'edit' ? target.employer : null;

  const onError = (error: unknown) => {
    if (isApiError(error, 'EMPLOYER_CREDIT_CODE_TAKEN')) {
      form.setFields([{ name: 'creditCode', errors: [error.message] }]);
      return;
    }
    submitError.onError(error);
  };

  const submit = (values: Values) => {
    submitError.clear();
    const body: EmployerBody = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      industry: values.industry.trim(),
      divisionCode: values.divisionCode ?? null,
      address: values.address.trim(),
      contactName: values.contactName.trim(),
      contactPhone: values.contactPhone?.trim() ?? '',
    };
    const done = (saved: Employer) => {
      void message.success(editing ? '用工单位已保存' : `已新建用工单位“${saved.name}”`);
      onClose();
    };
    if (!editing) {
      save.mutate({ id: null, body }, { onSuccess: done, onError });
      return;
    }
    // Only what changed goes to PATCH; a blank phone keeps the stored one.
    const update: UpdateEmployerBody = {};
    for (const key of ['name', 'creditCode', 'industry', 'address', 'contactName'] as const) if (body[key] !== editing[key]) update[key] = body[key];
    if (body.divisionCode !== editing.divisionCode) update.divisionCode = body.divisionCode;
    if (body.contactPhone) update.contactPhone = body.contactPhone;
    if (Object.keys(update).length === 0) {
      void message.info('没有修改任何内容');
      onClose();
      return;
    }
    save.mutate({ id: editing.id, body: update }, { onSuccess: done, onError });
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values>
        form={form}
        name="employer-form"
        layout="vertical"
        onFinish={submit}
        initialValues={editing ? { ...editing, divisionCode: editing.divisionCode ?? undefined, contactPhone: '' } : {}}
      >
        <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, zodRule(shape.name)]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ required: true, message: '请输入统一社会信用代码' }, zodRule(shape.creditCode)]} style={{ flex: 1 }}>
            <Input maxLength={18} autoComplete="off" placeholder="18 位，见营业执照" />
          </Form.Item>
          <Form.Item label="所属行业" name="industry" rules={[{ required: true, whitespace: true, message: '请填写所属行业' }, zodRule(shape.industry)]} style={{ width: 200 }}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item label="所在地（县内单位选择乡镇或村，县外单位留空）" name="divisionCode">
          <DivisionTreeSelect allowClear placeholder="县外单位" />
        </Form.Item>
        <Form.Item label="单位地址" name="address" rules={[{ required: true, whitespace: true, message: '请填写单位地址' }, zodRule(shape.address)]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label="联系人" name="contactName" rules={[{ required: true, whitespace: true, message: '请填写联系人' }, zodRule(shape.contactName)]} style={{ flex: 1 }}>
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="contactPhone"
            extra={editing ? `现为 ${editing.contactPhoneMasked}，不改请留空` : '加密保存；群众受邀面试后才能看到'}
            rules={[...(editing ? [] : [{ required: true, message: '请输入联系电话' }]), zodRule(shape.contactPhone, { optional: Boolean(editing) })]}
            style={{ flex: 1 }}
          >
            <Input maxLength={13} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {editing ? '保存' : '创建'}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
