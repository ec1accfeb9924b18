import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio } from 'antd';
import {
  CONSTRUCTION_STATUS_LABELS,
  CONSTRUCTION_STATUSES,
  SITE_FACILITIES,
  SITE_FACILITY_LABELS,
  SITE_TYPE_LABELS,
  SITE_TYPES,
  siteBodySchema,
  type Site,
  type SiteBody,
  type UpdateSiteBody,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useSubmitError, zodRule } from '@/lib/form';
import { useCreateSite } from '@/features/sites/api/create-site';
import { useUpdateSite } from '@/features/sites/api/update-site';

type Values = {
  name: string;
  townshipCode?: string;
  type?: Site['type'];
  capacity?: number;
  facilities: Site['facilities'];
  constructionStatus?: Site['constructionStatus'];
  address?: string;
};

const FIELDS = ['name', 'townshipCode', 'type', 'capacity', 'facilities', 'constructionStatus', 'address'] as const;
const shape = siteBodySchema.shape;

const TYPE_OPTIONS = SITE_TYPES.map((value) => ({ value, label: SITE_TYPE_LABELS[value] }));
const STATUS_OPTIONS = CONSTRUCTION_STATUSES.map((value) => ({ value, label: CONSTRUCTION_STATUS_LABELS[value] }));
const FACILITY_OPTIONS = SITE_FACILITIES.map((value) => ({ value, label: SITE_FACILITY_LABELS[value] }));

export type SiteFormTarget = { mode: 'create' } | { mode: 'edit'; site: Site };

type Props = { target: SiteFormTarget | null; onClose: () => void };

export function SiteFormModal({ target, onClose }: Props) {
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? '编辑安置点' : '新建安置点'}
      onCancel={onClose}
      footer={null}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      {target && <SiteForm target={target} onClose={onClose} />}
    </Modal>
  );
}

/** Only changed fields go to PATCH, so the audit log records the real edit. */
function changes(site: Site, body: SiteBody): UpdateSiteBody {
  const update: UpdateSiteBody = {};
  if (body.name !== site.name) update.name = body.name;
  if (body.townshipCode !== site.townshipCode) update.townshipCode = body.townshipCode;
  if (body.type !== site.type) update.type = body.type;
  if (body.capacity !== site.capacity) update.capacity = body.capacity;
  if (body.constructionStatus !== site.constructionStatus) update.constructionStatus = body.constructionStatus;
  if ((body.address ?? '') !== site.address) update.address = body.address;
  const facilities = body.facilities ?? [];
  if (facilities.length !== site.facilities.length || facilities.some((facility) => !site.facilities.includes(facility))) {
    update.facilities = facilities;
  }
  return update;
}

function SiteForm({ target, onClose }: { target: SiteFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const createSite = useCreateSite();
  const updateSite = useUpdateSite();
  const submitError = useSubmitError(form, FIELDS);
  const editing = target.mode === 'edit' ? target.site : null;

  const onError = (error: unknown) => {
    if (isApiError(error, 'SITE_CAPACITY_BELOW_ASSIGNED')) {
      form.setFields([{ name: 'capacity', errors: [error.message] }]);
      return;
    }
    submitError.onError(error);
  };

  const submit = (values: Values) => {
    submitError.clear();
    const body: SiteBody = {
      name: values.name.trim(),
      townshipCode: values.townshipCode!,
      type: values.type!,
      capacity: values.capacity!,
      facilities: values.facilities,
      constructionStatus: values.constructionStatus!,
      address: values.address?.trim() ?? '',
    };
    if (!editing) {
      createSite.mutate(body, {
        onSuccess: (site) => {
          void message.success(`已新建安置点“${site.name}”`);
          onClose();
        },
        onError,
      });
      return;
    }
    const update = changes(editing, body);
    if (Object.keys(update).length === 0) {
      void message.info('没有修改任何内容');
      onClose();
      return;
    }
    updateSite.mutate(
      { id: editing.id, body: update },
      {
        onSuccess: () => {
          void message.success('安置点信息已保存');
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values>
        form={form}
        name="site-form"
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                name: editing.name,
                townshipCode: editing.townshipCode,
                type: editing.type,
                capacity: editing.capacity,
                facilities: editing.facilities,
                constructionStatus: editing.constructionStatus,
                address: editing.address,
              }
            : { facilities: [], type: 'centralized', constructionStatus: 'planned' }
        }
      >
        <Form.Item label="安置点名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入安置点名称' }, zodRule(shape.name)]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label="所在乡镇" name="townshipCode" rules={[{ required: true, message: '请选择所在乡镇' }]} style={{ flex: 1 }}>
            <DivisionTreeSelect level="township" />
          </Form.Item>
          <Form.Item
            label="可安置户数"
            name="capacity"
            extra={editing ? `已分配 ${editing.assigned} 户，不能少于此数` : undefined}
            rules={[{ required: true, message: '请输入可安置户数' }, zodRule(shape.capacity)]}
            style={{ width: 200 }}
          >
            <InputNumber min={1} max={10000} precision={0} suffix="户" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label="类型" name="type" rules={[{ required: true, message: '请选择安置点类型' }]}>
          <Radio.Group options={TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item label="建设状态" name="constructionStatus" rules={[{ required: true, message: '请选择建设状态' }]}>
          <Radio.Group options={STATUS_OPTIONS} optionType="button" />
        </Form.Item>
        <Form.Item label="配套设施" name="facilities" rules={[zodRule(shape.facilities)]}>
          <Checkbox.Group options={FACILITY_OPTIONS} />
        </Form.Item>
        <Form.Item label="地址" name="address" rules={[zodRule(shape.address, { optional: true })]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={createSite.isPending || updateSite.isPending}>
            {editing ? '保存' : '创建'}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
