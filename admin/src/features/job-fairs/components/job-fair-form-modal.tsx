import { App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { jobFairBodySchema, type JobFair, type JobFairBody, MAX_FAIR_CAPACITY, type UpdateJobFairBody } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useSubmitError, zodRule } from '@/lib/form';
import { useParticipantOptions } from '@/features/job-fairs/api/list-participant-options';
import { useSaveJobFair } from '@/features/job-fairs/api/save-job-fair';

type Values = {
  title: string;
  date?: Dayjs;
  startTime?: Dayjs;
  endTime?: Dayjs;
  venue: string;
  organiser: string;
  capacity?: number;
  description?: string;
  employerIds: string[];
  postingIds: string[];
};

const FIELDS = ['title', 'date', 'startTime', 'endTime', 'venue', 'organiser', 'capacity', 'description', 'employerIds', 'postingIds'] as const;
const shape = jobFairBodySchema.shape;

export type JobFairFormTarget = { mode: 'create' } | { mode: 'edit'; fair: JobFair };

export function JobFairFormModal({ target, onClose }: { target: JobFairFormTarget | null; onClose: () => void }) {
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? '编辑招聘会' : '新建招聘会'}
      onCancel={onClose}
      footer={null}
      maskClosable={false}
      destroyOnHidden
      width={720}
    >
      {target && <JobFairForm target={target} onClose={onClose} />}
    </Modal>
  );
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

/** Only changed fields go to PATCH, so the audit log records the real edit. */
function changes(fair: JobFair, body: JobFairBody): UpdateJobFairBody {
  const update: UpdateJobFairBody = {};
  for (const key of ['title', 'date', 'startTime', 'endTime', 'venue', 'organiser', 'capacity', 'description'] as const) {
    if (body[key] !== fair[key]) Object.assign(update, { [key]: body[key] });
  }
  if (!sameIds(body.employerIds ?? [], fair.employers.map((item) => item.id))) update.employerIds = body.employerIds;
  if (!sameIds(body.postingIds ?? [], fair.postings.map((item) => item.id))) update.postingIds = body.postingIds;
  return update;
}

function JobFairForm({ target, onClose }: { target: JobFairFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveJobFair();
  const options = useParticipantOptions();
  const submitError = useSubmitError(form, FIELDS);
  const editing = target.mode === 'edit' ? target.fair : null;

  const onError = (error: unknown) => {
    if (isApiError(error, 'EVENT_CAPACITY_BELOW_TAKEN')) {
      form.setFields([{ name: 'capacity', errors: [error.message] }]);
      return;
    }
    submitError.onError(error);
  };

  const submit = (values: Values) => {
    submitError.clear();
    const body: JobFairBody = {
      title: values.title.trim(),
      date: values.date!.format('YYYY-MM-DD'),
      startTime: values.startTime!.format('HH:mm'),
      endTime: values.endTime!.format('HH:mm'),
      venue: values.venue.trim(),
      organiser: values.organiser.trim(),
      capacity: values.capacity!,
      description: values.description?.trim() ?? '',
      employerIds: values.employerIds,
      postingIds: values.postingIds,
    };
    if (!editing) {
      save.mutate({ id: null, body }, { onSuccess: (fair) => { void message.success(`已新建招聘会“${fair.title}”（草稿）`); onClose(); }, onError });
      return;
    }
    const update = changes(editing, body);
    if (Object.keys(update).length === 0) {
      void message.info('没有修改任何内容');
      onClose();
      return;
    }
    save.mutate({ id: editing.id, body: update }, { onSuccess: () => { void message.success('招聘会已保存'); onClose(); }, onError });
  };

  const employerOptions = [
    ...(editing?.employers ?? []).map((item) => ({ value: item.id, label: item.name })),
    ...(options.employers.data?.items ?? []).filter((item) => !editing?.employers.some((known) => known.id === item.id)).map((item) => ({ value: item.id, label: item.name })),
  ];
  const postingOptions = [
    ...(editing?.postings ?? []).map((item) => ({ value: item.id, label: `${item.employerName}：${item.title}` })),
    ...(options.postings.data?.items ?? []).filter((item) => !editing?.postings.some((known) => known.id === item.id)).map((item) => ({ value: item.id, label: `${item.employerName}：${item.title}` })),
  ];

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values>
        form={form}
        name="job-fair-form"
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                ...editing,
                date: dayjs(editing.date),
                startTime: dayjs(`2000-01-01T${editing.startTime}`),
                endTime: dayjs(`2000-01-01T${editing.endTime}`),
                employerIds: editing.employers.map((item) => item.id),
                postingIds: editing.postings.map((item) => item.id),
              }
            : { organiser: '县人力资源和社会保障局', employerIds: [], postingIds: [], capacity: 300 }
        }
      >
        <Form.Item label="招聘会名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写招聘会名称' }, zodRule(shape.title)]}>
          <Input maxLength={60} autoComplete="off" placeholder="如：2026 年 5 月搬迁群众专场招聘会" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="举办日期" name="date" rules={[{ required: true, message: '请选择举办日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="开始时间" name="startTime" rules={[{ required: true, message: '请选择开始时间' }]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="结束时间" name="endTime" rules={[{ required: true, message: '请选择结束时间' }]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="举办地点" name="venue" rules={[{ required: true, whitespace: true, message: '请填写举办地点' }, zodRule(shape.venue)]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              label="可报名人数"
              name="capacity"
              extra={editing ? `已报名 ${editing.taken} 人，不能少于此数` : undefined}
              rules={[{ required: true, message: '请填写可报名人数' }, zodRule(shape.capacity)]}
            >
              <InputNumber min={1} max={MAX_FAIR_CAPACITY} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="主办单位" name="organiser" rules={[{ required: true, whitespace: true, message: '请填写主办单位' }, zodRule(shape.organiser)]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item label="参会单位" name="employerIds">
          <Select mode="multiple" allowClear options={employerOptions} loading={options.employers.isLoading} optionFilterProp="label" placeholder="选择参会的用工单位" />
        </Form.Item>
        <Form.Item label="招聘岗位" name="postingIds">
          <Select mode="multiple" allowClear options={postingOptions} loading={options.postings.isLoading} optionFilterProp="label" placeholder="选择现场招聘的岗位（招聘中）" />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[zodRule(shape.description, { optional: true })]}>
          <Input.TextArea maxLength={1000} rows={3} placeholder="乘车路线、需要携带的材料等" />
        </Form.Item>
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
