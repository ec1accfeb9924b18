import { App, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import {
  createStaffBodySchema,
  divisionLevel,
  ROLE_DIVISION_LEVEL,
  STAFF_ROLE_LABELS,
  STAFF_ROLES,
  type StaffRole,
  type StaffUser,
  type UpdateStaffBody,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { isApiError } from '@/lib/api-client';
import { applyServerFieldErrors, zodRule } from '@/lib/form';
import { useCreateStaff, type CreatedStaff } from '@/features/staff/api/create-staff';
import { useUpdateStaff } from '@/features/staff/api/update-staff';

type Values = {
  username: string;
  displayName: string;
  role?: StaffRole;
  divisionCode?: string;
  phone?: string;
  canExportPersonalData: boolean;
};

const FIELDS = ['username', 'displayName', 'role', 'divisionCode', 'phone', 'canExportPersonalData'] as const;
const shape = createStaffBodySchema.shape;

const LEVEL_HINTS = {
  county: '县级管理员和人社局工作人员归属本县',
  township: '乡镇工作人员须选择所在乡镇',
  village: '村干部须选择所在村（社区）',
} as const;

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));

export type StaffFormTarget = { mode: 'create' } | { mode: 'edit'; user: StaffUser };

type Props = {
  target: StaffFormTarget | null;
  onClose: () => void;
  onCreated: (created: CreatedStaff) => void;
};

export function StaffFormModal({ target, onClose, onCreated }: Props) {
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? '编辑账号' : '新建账号'}
      onCancel={onClose}
      footer={null}
      maskClosable={false}
      destroyOnHidden
      width={560}
    >
      {target && <StaffForm key={target.mode === 'edit' ? target.user.id : 'new'} target={target} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function StaffForm({ target, onClose, onCreated }: { target: StaffFormTarget; onClose: () => void; onCreated: Props['onCreated'] }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const createStaff = useCreateStaff();
  const updateStaff = useUpdateStaff();
  const editing = target.mode === 'edit' ? target.user : null;
  const role = Form.useWatch('role', form);
  const level = role ? ROLE_DIVISION_LEVEL[role] : undefined;

  const showError = (error: unknown) => {
    if (isApiError(error, 'USERNAME_TAKEN')) {
      form.setFields([{ name: 'username', errors: [error.message] }]);
    } else if (!applyServerFieldErrors(form, error, FIELDS) && isApiError(error)) {
      void message.error(error.message);
    }
  };

  const submit = (values: Values) => {
    const phone = values.phone?.trim() || undefined;
    if (!editing) {
      const body = createStaffBodySchema.parse({ ...values, phone });
      createStaff.mutate(body, { onSuccess: onCreated, onError: showError });
      return;
    }
    // Only what changed is sent, so the audit log records the real edit.
    const body: UpdateStaffBody = {};
    const displayName = values.displayName.trim();
    if (displayName !== editing.displayName) body.displayName = displayName;
    if (values.role && values.role !== editing.role) body.role = values.role;
    if (values.divisionCode && values.divisionCode !== editing.divisionCode) body.divisionCode = values.divisionCode;
    if (phone) body.phone = phone;
    if (values.canExportPersonalData !== editing.canExportPersonalData) body.canExportPersonalData = values.canExportPersonalData;
    if (Object.keys(body).length === 0) {
      void message.info('没有修改任何内容');
      onClose();
      return;
    }
    updateStaff.mutate(
      { id: editing.id, body },
      {
        onSuccess: () => {
          void message.success('账号信息已保存');
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      name="staff-form"
      layout="vertical"
      onFinish={submit}
      initialValues={
        editing
          ? {
              username: editing.username,
              displayName: editing.displayName,
              role: editing.role,
              divisionCode: editing.divisionCode,
              canExportPersonalData: editing.canExportPersonalData,
            }
          : { canExportPersonalData: false }
      }
      onValuesChange={(changed: Partial<Values>, all) => {
        // A role bound to another division level cannot keep the division picked for the old role.
        if (changed.role && all.divisionCode && divisionLevel(all.divisionCode) !== ROLE_DIVISION_LEVEL[changed.role]) {
          form.setFieldValue('divisionCode', undefined);
        }
      }}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra={editing ? '用户名创建后不能修改' : '用于登录，小写字母开头，可含数字、下划线、点、短横线'}
        rules={editing ? [] : [{ required: true, message: '请输入用户名' }, zodRule(shape.username)]}
      >
        <Input disabled={!!editing} autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(shape.displayName)]}>
        <Input autoComplete="off" maxLength={30} />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
      </Form.Item>
      <Form.Item
        label="所属区划"
        name="divisionCode"
        extra={level ? LEVEL_HINTS[level] : '请先选择角色'}
        dependencies={['role']}
        rules={[
          { required: true, message: '请选择所属区划' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              const currentRole = getFieldValue('role') as StaffRole | undefined;
              if (value && currentRole && divisionLevel(value) !== ROLE_DIVISION_LEVEL[currentRole]) {
                throw new Error(LEVEL_HINTS[ROLE_DIVISION_LEVEL[currentRole]]);
              }
            },
          }),
        ]}
      >
        <DivisionTreeSelect level={level} placeholder={level ? undefined : '请先选择角色'} />
      </Form.Item>
      <Form.Item
        label="手机号"
        name="phone"
        extra={editing ? `当前：${editing.phoneMasked ?? '未填写'}；留空表示不修改` : '选填，用于工作联系'}
        rules={[zodRule(shape.phone.unwrap(), { optional: true })]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={11} />
      </Form.Item>
      <Form.Item
        name="canExportPersonalData"
        valuePropName="checked"
        extra="导出的台账默认隐去身份证号和手机号中间几位；勾选后可导出完整信息，每次导出都会记入审计日志。"
      >
        <Checkbox>允许导出完整身份证号和手机号</Checkbox>
      </Form.Item>
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <ModalButtons
          onCancel={onClose}
          okText={editing ? '保存' : '创建'}
          loading={createStaff.isPending || updateStaff.isPending}
        />
      </Form.Item>
    </Form>
  );
}

function ModalButtons({ onCancel, okText, loading }: { onCancel: () => void; okText: string; loading: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
      <Button onClick={onCancel}>取消</Button>
      <Button type="primary" htmlType="submit" loading={loading}>
        {okText}
      </Button>
    </div>
  );
}
