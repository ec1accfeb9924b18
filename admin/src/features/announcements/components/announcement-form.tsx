import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ANNOUNCEMENT_TYPE_LABELS,
  announcementTypesFor,
  createAnnouncementBodySchema,
  MAX_ANNOUNCEMENT_ATTACHMENT_BYTES,
  MAX_ANNOUNCEMENT_ATTACHMENTS,
  MAX_ANNOUNCEMENT_TITLE,
  type AnnouncementAttachment,
  type AnnouncementType,
  type CreateAnnouncementBody,
  type StaffAnnouncementDetail,
  type UpdateAnnouncementBody,
} from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useCurrentSession } from '@/lib/auth';
import { useSubmitError, zodRule } from '@/lib/form';
import { AreaSelect } from '@/features/announcements/components/area-select';
import { AttachmentUpload } from '@/features/announcements/components/attachment-upload';
// The policy library's editor offers exactly the allowlist the server keeps (shared/src/rich-text.ts).
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';

type Values = {
  type?: AnnouncementType;
  title: string;
  bodyHtml?: string;
  attachments: AnnouncementAttachment[];
  pinned: boolean;
  mustRead: boolean;
  divisionCode?: string;
  scheduled: boolean;
  publishAt?: Dayjs | null;
  expiresAt?: Dayjs | null;
};

const FIELDS = ['type', 'title', 'bodyHtml', 'pinned', 'mustRead', 'divisionCode', 'publishAt', 'expiresAt'] as const;
const shape = createAnnouncementBodySchema.shape;
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

function toBody(values: Values): CreateAnnouncementBody {
  return {
    type: values.type!,
    title: values.title?.trim() ?? '',
    bodyHtml: values.bodyHtml ?? '',
    attachmentIds: values.attachments.map((attachment) => attachment.id),
    pinned: values.pinned,
    mustRead: values.mustRead,
    divisionCode: values.divisionCode!,
    publishAt: values.scheduled && values.publishAt ? values.publishAt.toISOString() : null,
    expiresAt: values.expiresAt ? values.expiresAt.toISOString() : null,
  };
}

function initialValues(announcement: StaffAnnouncementDetail | null, divisionCode: string): Values {
  if (!announcement) return { title: '', attachments: [], pinned: false, mustRead: false, divisionCode, scheduled: false };
  return {
    type: announcement.type,
    title: announcement.title,
    bodyHtml: announcement.bodyHtml,
    attachments: announcement.attachments,
    pinned: announcement.pinned,
    mustRead: announcement.mustRead,
    divisionCode: announcement.divisionCode,
    scheduled: Boolean(announcement.publishAt),
    publishAt: announcement.publishAt ? dayjs(announcement.publishAt) : null,
    expiresAt: announcement.expiresAt ? dayjs(announcement.expiresAt) : null,
  };
}

/** Only changed fields go to PATCH. */
export function announcementChanges(announcement: StaffAnnouncementDetail, body: CreateAnnouncementBody): UpdateAnnouncementBody {
  const before = toBody(initialValues(announcement, announcement.divisionCode));
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(body) as (keyof CreateAnnouncementBody)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) update[key] = body[key];
  }
  return update as UpdateAnnouncementBody;
}

type Props = {
  announcement: StaffAnnouncementDetail | null;
  saving: boolean;
  onSubmit: (body: CreateAnnouncementBody, onError: (error: unknown) => void) => void;
  onCancel: () => void;
};

export function AnnouncementForm({ announcement, saving, onSubmit, onCancel }: Props) {
  const { user } = useCurrentSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submitError = useSubmitError(form, FIELDS);
  const type = Form.useWatch('type', form);
  const scheduled = Form.useWatch('scheduled', form);
  const typeOptions = announcementTypesFor(user.role).map((value) => ({ value, label: ANNOUNCEMENT_TYPE_LABELS[value] }));

  const submit = (values: Values) => {
    submitError.clear();
    const body = toBody(values);
    const checked = createAnnouncementBodySchema.safeParse(body);
    if (!checked.success) {
      const fields = new Set<string>(FIELDS);
      form.setFields(
        checked.error.issues
          .filter((issue) => fields.has(String(issue.path[0])))
          .map((issue) => ({ name: String(issue.path[0]) as (typeof FIELDS)[number], errors: [issue.message] })),
      );
      const other = checked.error.issues.find((issue) => !fields.has(String(issue.path[0])));
      if (other) void message.error(other.message);
      return;
    }
    onSubmit(body, submitError.onError);
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values>
        form={form}
        name="announcement-form"
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(announcement, user.divisionCode)}
        scrollToFirstError
      >
        {type === 'hazard_alert' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="地质灾害预警"
            description="发布后立即给发布范围内同意接收的群众发送微信订阅消息，并在小程序首页置顶显示，直到失效时间。请写清楚危险的地点、要做什么、到哪里避险。"
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="类型" name="type" rules={[{ required: true, message: '请选择公告类型' }]}>
              <Select options={typeOptions} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label="发布范围"
              name="divisionCode"
              rules={[{ required: true, message: '请选择发布范围' }]}
              extra={user.role === 'hr_staff' ? '人社局的通知发往全县' : '只能发往本辖区：选县、乡镇或村，群众按所在的村收到'}
            >
              <AreaSelect role={user.role} rootCode={user.divisionCode} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="标题" name="title" validateFirst rules={[{ required: true, whitespace: true, message: '请输入标题' }, zodRule(shape.title)]}>
          <Input maxLength={MAX_ANNOUNCEMENT_TITLE} showCount autoComplete="off" />
        </Form.Item>
        <Form.Item label="正文" name="bodyHtml" validateFirst rules={[{ required: true, message: '请输入正文' }, zodRule(shape.bodyHtml)]} extra="用群众听得懂的话写；可使用加粗、列表、链接和表格。">
          <RichTextEditor />
        </Form.Item>
        <Form.Item label="附件" name="attachments" extra={`PDF 或图片，每个不超过 ${MAX_ANNOUNCEMENT_ATTACHMENT_BYTES / 1024 / 1024} MB，最多 ${MAX_ANNOUNCEMENT_ATTACHMENTS} 个`}>
          <AttachmentUpload />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item label="置顶" name="pinned" valuePropName="checked" extra="置顶的排在群众列表最前">
              <Switch checkedChildren="置顶" unCheckedChildren="不置顶" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="须阅知" name="mustRead" valuePropName="checked" extra="记录谁已读，可查看未读名单">
              <Switch checkedChildren="须阅知" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="发布方式" name="scheduled" extra={scheduled ? '到时间自动发布' : '在详情页点“发布”后立即发出'}>
              <Select
                options={[
                  { value: false, label: '立即发布' },
                  { value: true, label: '定时发布' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            {scheduled && (
              <Form.Item
                label="发布时间"
                name="publishAt"
                rules={[
                  { required: true, message: '请选择发布时间' },
                  { validator: async (_rule, value: Dayjs | null | undefined) => { if (value && value.isBefore(dayjs())) throw new Error('发布时间已过，请选以后的时间'); } },
                ]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="失效时间"
              name="expiresAt"
              dependencies={['publishAt', 'type']}
              extra={type === 'hazard_alert' ? '预警解除的时间；到时首页不再置顶显示' : '不填表示长期有效；过期后群众列表不再显示'}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    if (!value && getFieldValue('type') === 'hazard_alert') throw new Error('地质灾害预警请设置失效时间（预警解除的时间）');
                    if (value && value.isBefore(dayjs())) throw new Error('失效时间已过，请重新设置');
                    const publishAt = getFieldValue('scheduled') ? (getFieldValue('publishAt') as Dayjs | null | undefined) : null;
                    if (value && publishAt && !value.isAfter(publishAt)) throw new Error('失效时间应晚于发布时间');
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{announcement ? '' : '先保存为草稿，在详情页确认后发布，群众才能看到。'}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onCancel}>取消</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {announcement ? '保存修改' : '保存草稿'}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
