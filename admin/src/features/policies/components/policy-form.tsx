import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createPolicyBodySchema,
  MAX_POLICY_ATTACHMENT_BYTES,
  MAX_POLICY_ATTACHMENTS,
  MAX_POLICY_INTERPRETATION,
  POLICY_CATEGORIES,
  POLICY_CATEGORY_LABELS,
  POLICY_VERSIONED_FIELDS,
  type CreatePolicyBody,
  type PolicyAttachment,
  type StaffPolicyDetail,
  type UpdatePolicyBody,
} from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useCurrentSession } from '@/lib/auth';
import { useSubmitError, zodRule } from '@/lib/form';
import { AttachmentUpload } from '@/features/policies/components/attachment-upload';
import { OwnerSelect } from '@/features/policies/components/owner-select';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';

type Values = {
  title: string;
  category?: CreatePolicyBody['category'];
  issuingBody: string;
  documentNumber?: string;
  publishDate?: Dayjs;
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
  bodyHtml?: string;
  interpretation?: string;
  attachments: PolicyAttachment[];
  pinned: boolean;
  divisionCode?: string;
};

const FIELDS = [
  'title', 'category', 'issuingBody', 'documentNumber', 'publishDate', 'effectiveFrom', 'effectiveTo', 'bodyHtml', 'interpretation', 'pinned', 'divisionCode',
] as const;
const DATE = 'YYYY-MM-DD';
const shape = createPolicyBodySchema.shape;
const CATEGORY_OPTIONS = POLICY_CATEGORIES.map((value) => ({ value, label: POLICY_CATEGORY_LABELS[value] }));

const toDate = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

function toBody(values: Values): CreatePolicyBody {
  return {
    title: values.title?.trim() ?? '',
    category: values.category!,
    issuingBody: values.issuingBody?.trim() ?? '',
    documentNumber: values.documentNumber?.trim() ?? '',
    publishDate: toDate(values.publishDate) ?? '',
    effectiveFrom: toDate(values.effectiveFrom),
    effectiveTo: toDate(values.effectiveTo),
    bodyHtml: values.bodyHtml ?? '',
    interpretation: values.interpretation?.trim() ?? '',
    attachmentIds: values.attachments.map((attachment) => attachment.id),
    pinned: values.pinned,
    divisionCode: values.divisionCode!,
  };
}

function initialValues(policy: StaffPolicyDetail | null, ownerCode: string): Values {
  if (!policy) {
    return { title: '', issuingBody: '', publishDate: dayjs(), attachments: [], pinned: false, divisionCode: ownerCode };
  }
  return {
    title: policy.title,
    category: policy.category,
    issuingBody: policy.issuingBody,
    documentNumber: policy.documentNumber,
    publishDate: dayjs(policy.publishDate),
    effectiveFrom: policy.effectiveFrom ? dayjs(policy.effectiveFrom) : null,
    effectiveTo: policy.effectiveTo ? dayjs(policy.effectiveTo) : null,
    bodyHtml: policy.bodyHtml,
    interpretation: policy.interpretation,
    attachments: policy.attachments,
    pinned: policy.pinned,
    divisionCode: policy.divisionCode,
  };
}

/** Only changed fields go to PATCH: untouched content must not make a new version. */
export function policyChanges(policy: StaffPolicyDetail, body: CreatePolicyBody): UpdatePolicyBody {
  const before = toBody(initialValues(policy, policy.divisionCode));
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(body) as (keyof CreatePolicyBody)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) update[key] = body[key];
  }
  return update as UpdatePolicyBody;
}

export function changesMakeVersion(policy: StaffPolicyDetail, update: UpdatePolicyBody): boolean {
  return policy.status !== 'draft' && POLICY_VERSIONED_FIELDS.some((field) => update[field] !== undefined);
}

type Props = {
  policy: StaffPolicyDetail | null;
  saving: boolean;
  onSubmit: (body: CreatePolicyBody, onError: (error: unknown) => void) => void;
  onCancel: () => void;
};

export function PolicyForm({ policy, saving, onSubmit, onCancel }: Props) {
  const { user } = useCurrentSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submitError = useSubmitError(form, FIELDS);
  const ownerFixed = user.role !== 'county_admin';

  const submit = (values: Values) => {
    submitError.clear();
    const body = toBody(values);
    const checked = createPolicyBodySchema.safeParse(body);
    if (!checked.success) {
      const fields = new Set<string>(FIELDS);
      const issues = checked.error.issues;
      form.setFields(
        issues
          .filter((issue) => fields.has(String(issue.path[0])))
          .map((issue) => ({ name: String(issue.path[0]) as (typeof FIELDS)[number], errors: [issue.message] })),
      );
      const other = issues.find((issue) => !fields.has(String(issue.path[0])));
      if (other) void message.error(other.message);
      return;
    }
    onSubmit(body, submitError.onError);
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      {policy && policy.status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`这份文件已发布，当前为第 ${policy.version} 版`}
          description="修改标题、正文、解读、日期或附件后会生成新的版本，之前的版本保留在历史记录中供查阅；只改置顶或发布单位不生成新版本。"
        />
      )}
      <Form<Values>
        form={form}
        name="policy-form"
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(policy, user.divisionCode)}
        scrollToFirstError
      >
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }, zodRule(shape.title)]}>
          <Input maxLength={100} showCount autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="政策类别" name="category" rules={[{ required: true, message: '请选择政策类别' }]}>
              <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="发文机关" name="issuingBody" rules={[{ required: true, whitespace: true, message: '请输入发文机关' }, zodRule(shape.issuingBody)]}>
              <Input maxLength={60} placeholder="如 武定县人民政府" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="文号" name="documentNumber" rules={[zodRule(shape.documentNumber, { optional: true })]} extra="选填">
              <Input maxLength={50} placeholder="如 武府发〔2026〕12号" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="发布日期" name="publishDate" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="施行日期" name="effectiveFrom" extra="不填表示自发布之日起施行">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="失效日期"
              name="effectiveTo"
              extra="不填表示长期有效"
              dependencies={['publishDate', 'effectiveFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const from = (getFieldValue('effectiveFrom') as Dayjs | null | undefined) ?? (getFieldValue('publishDate') as Dayjs | undefined);
                    if (value && from && value.isBefore(from, 'day')) {
                      throw new Error(getFieldValue('effectiveFrom') ? '失效日期不能早于施行日期' : '失效日期不能早于发布日期');
                    }
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="发布单位"
              name="divisionCode"
              rules={[{ required: true, message: '请选择发布单位' }]}
              extra={ownerFixed ? '乡镇工作人员只能发布本乡镇的文件' : '县级文件全县可见；乡镇文件由该乡镇维护'}
            >
              <OwnerSelect disabled={ownerFixed} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="置顶" name="pinned" valuePropName="checked" extra="置顶的文件排在列表最前">
              <Switch checkedChildren="置顶" unCheckedChildren="不置顶" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="正文"
          name="bodyHtml"
          rules={[{ required: true, message: '请输入正文' }, zodRule(shape.bodyHtml)]}
          extra="可使用标题、加粗、列表、链接和表格；长篇原文请作为 PDF 附件上传。"
        >
          <RichTextEditor />
        </Form.Item>
        <Form.Item
          label="政策解读"
          name="interpretation"
          rules={[zodRule(shape.interpretation, { optional: true })]}
          extra="用群众听得懂的话概括要点（纯文字），居民打开文件时先看到这段"
        >
          <Input.TextArea rows={5} maxLength={MAX_POLICY_INTERPRETATION} showCount />
        </Form.Item>
        <Form.Item
          label="附件"
          name="attachments"
          extra={`仅限 PDF，每个不超过 ${MAX_POLICY_ATTACHMENT_BYTES / 1024 / 1024} MB，最多 ${MAX_POLICY_ATTACHMENTS} 个`}
        >
          <AttachmentUpload />
        </Form.Item>
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{policy ? '' : '新建的文件先保存为草稿，在详情页发布后居民才能看到。'}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onCancel}>取消</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {policy ? '保存修改' : '保存草稿'}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
