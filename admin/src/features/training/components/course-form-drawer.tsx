import { App, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, TimePicker } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ADMISSION_MODES,
  type AdmissionMode,
  type CourseBody,
  courseBodySchema,
  MAX_COURSE_CAPACITY,
  type StaffCourse,
  TRAINING_AGE_MAX,
  TRAINING_AGE_MIN,
  TRAINING_CATEGORIES,
  TRAINING_CATEGORY_LABELS,
  type TrainingCategory,
  type UpdateCourseBody,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useDivisions } from '@/lib/divisions';
import { useSubmitError, zodRule } from '@/lib/form';
import { useEmployerOptions } from '@/features/training/api/list-employer-options';
import { useSaveCourse } from '@/features/training/api/save-course';

type SessionValues = { date?: Dayjs; startTime?: Dayjs; endTime?: Dayjs; topic?: string };
type Values = {
  title: string;
  category?: TrainingCategory;
  provider: string;
  partners: { employerId?: string; committedHires?: number }[];
  description?: string;
  divisionCode?: string;
  address: string;
  sessions: SessionValues[];
  capacity?: number;
  signupDeadline?: Dayjs;
  minAge: number;
  maxAge: number;
  priorityForRelocated: boolean;
  townshipCodes: string[];
  costYuan: number;
  subsidyYuan?: number;
  minAttendancePercent: number;
  examRequired: boolean;
  admission: AdmissionMode;
};

const FIELDS = ['title', 'category', 'provider', 'partners', 'description', 'divisionCode', 'address', 'sessions', 'capacity', 'signupDeadline'] as const;
const shape = courseBodySchema.shape;
const yuanToFen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);

export type CourseFormTarget = { mode: 'create' } | { mode: 'edit'; course: StaffCourse };

export function CourseFormDrawer({ target, onClose }: { target: CourseFormTarget | null; onClose: () => void }) {
  return (
    <Drawer open={target !== null} title={target?.mode === 'edit' ? '编辑培训班' : '新建培训班'} onClose={onClose} width={880} destroyOnHidden maskClosable={false}>
      {target && <CourseForm target={target} onClose={onClose} />}
    </Drawer>
  );
}

function toBody(values: Values): CourseBody {
  return {
    title: values.title.trim(),
    category: values.category!,
    provider: values.provider.trim(),
    partners: values.partners.filter((partner) => partner.employerId).map((partner) => ({ employerId: partner.employerId!, committedHires: partner.committedHires ?? 0 })),
    description: values.description?.trim() ?? '',
    divisionCode: values.divisionCode!,
    address: values.address.trim(),
    sessions: values.sessions.map((session) => ({
      date: session.date!.format('YYYY-MM-DD'),
      startTime: session.startTime!.format('HH:mm'),
      endTime: session.endTime!.format('HH:mm'),
      topic: session.topic?.trim() ?? '',
    })),
    capacity: values.capacity!,
    signupDeadline: values.signupDeadline!.format('YYYY-MM-DD'),
    eligibility: { minAge: values.minAge, maxAge: values.maxAge, priorityForRelocated: values.priorityForRelocated, townshipCodes: values.townshipCodes },
    costFen: yuanToFen(values.costYuan),
    subsidyFen: yuanToFen(values.subsidyYuan),
    completion: { minAttendancePercent: values.minAttendancePercent, examRequired: values.examRequired },
    admission: values.admission,
  };
}

/** Only changed fields go to PATCH, so the audit log records the real edit. */
function changes(course: StaffCourse, body: CourseBody): UpdateCourseBody {
  const before: CourseBody = {
    title: course.title,
    category: course.category,
    provider: course.provider,
    partners: course.partners.map((partner) => ({ employerId: partner.employerId, committedHires: partner.committedHires })),
    description: course.description,
    divisionCode: course.divisionCode,
    address: course.address,
    sessions: course.sessions,
    capacity: course.capacity,
    signupDeadline: course.signupDeadline,
    eligibility: { minAge: course.eligibility.minAge, maxAge: course.eligibility.maxAge, priorityForRelocated: course.eligibility.priorityForRelocated, townshipCodes: course.eligibility.townshipCodes },
    costFen: course.costFen,
    subsidyFen: course.subsidyFen,
    completion: course.completion,
    admission: course.admission,
  };
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(body) as (keyof CourseBody)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) update[key] = body[key];
  }
  return update as UpdateCourseBody;
}

function initialValues(course: StaffCourse | null): Partial<Values> {
  if (!course) {
    const start = dayjs().add(14, 'day');
    return {
      provider: '县职业技能培训学校',
      partners: [],
      sessions: [{ date: start, startTime: dayjs('2000-01-01T09:00'), endTime: dayjs('2000-01-01T12:00') }],
      capacity: 40,
      signupDeadline: start.subtract(3, 'day'),
      minAge: TRAINING_AGE_MIN,
      maxAge: TRAINING_AGE_MAX,
      priorityForRelocated: true,
      townshipCodes: [],
      costYuan: 0,
      minAttendancePercent: 80,
      examRequired: true,
      admission: 'review',
    };
  }
  return {
    ...course,
    description: course.description,
    partners: course.partners.map((partner) => ({ employerId: partner.employerId, committedHires: partner.committedHires })),
    sessions: course.sessions.map((session) => ({
      date: dayjs(session.date),
      startTime: dayjs(`2000-01-01T${session.startTime}`),
      endTime: dayjs(`2000-01-01T${session.endTime}`),
      topic: session.topic,
    })),
    signupDeadline: dayjs(course.signupDeadline),
    minAge: course.eligibility.minAge,
    maxAge: course.eligibility.maxAge,
    priorityForRelocated: course.eligibility.priorityForRelocated,
    townshipCodes: course.eligibility.townshipCodes,
    costYuan: course.costFen / 100,
    subsidyYuan: course.subsidyFen / 100,
    minAttendancePercent: course.completion.minAttendancePercent,
    examRequired: course.completion.examRequired,
  };
}

function CourseForm({ target, onClose }: { target: CourseFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveCourse();
  const employers = useEmployerOptions();
  const divisions = useDivisions();
  const submitError = useSubmitError(form, FIELDS);
  const editing = target.mode === 'edit' ? target.course : null;
  const started = editing?.status === 'running';

  const onError = (error: unknown) => {
    if (isApiError(error, 'EVENT_CAPACITY_BELOW_TAKEN')) {
      form.setFields([{ name: 'capacity', errors: [error.message] }]);
      return;
    }
    submitError.onError(error);
  };

  const submit = (values: Values) => {
    submitError.clear();
    const body = toBody(values);
    if (!editing) {
      save.mutate({ id: null, body }, { onSuccess: (course) => { void message.success(`已新建培训班“${course.title}”（草稿）`); onClose(); }, onError });
      return;
    }
    const update = changes(editing, body);
    if (Object.keys(update).length === 0) {
      void message.info('没有修改任何内容');
      onClose();
      return;
    }
    save.mutate({ id: editing.id, body: update }, { onSuccess: () => { void message.success('培训班已保存'); onClose(); }, onError });
  };

  const townshipOptions = (divisions.data?.children ?? []).map((township) => ({ value: township.code, label: township.name }));
  const employerOptions = [
    ...(editing?.partners ?? []).map((partner) => ({ value: partner.employerId, label: partner.name })),
    ...(employers.data?.items ?? []).filter((item) => !editing?.partners.some((known) => known.employerId === item.id)).map((item) => ({ value: item.id, label: item.name })),
  ];

  return (
    <>
      <ErrorAlert error={submitError.error} title="保存未完成" />
      <Form<Values> form={form} name="course-form" layout="vertical" onFinish={submit} initialValues={initialValues(editing)} scrollToFirstError>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="培训班名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写培训班名称' }, zodRule(shape.title)]}>
              <Input maxLength={60} autoComplete="off" placeholder="如：2026 年第二期家政服务员培训班" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="培训类别" name="category" rules={[{ required: true, message: '请选择培训类别' }]}>
              <Select options={TRAINING_CATEGORIES.map((value) => ({ value, label: TRAINING_CATEGORY_LABELS[value] }))} placeholder="请选择" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="培训机构" name="provider" rules={[{ required: true, whitespace: true, message: '请填写培训机构' }, zodRule(shape.provider)]}>
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="招收人数" name="capacity" extra={editing ? `已录取 ${editing.admitted} 人，不能少于此数` : undefined} rules={[{ required: true, message: '请填写招收人数' }, zodRule(shape.capacity)]}>
              <InputNumber min={1} max={MAX_COURSE_CAPACITY} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="录取方式" name="admission">
              <Radio.Group options={ADMISSION_MODES.map((value) => ({ value, label: value === 'review' ? '人社局审核' : '自动录取' }))} optionType="button" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="培训地区" name="divisionCode" rules={[{ required: true, message: '请选择培训所在乡镇或村' }]}>
              <DivisionTreeSelect placeholder="请选择乡镇或村（社区）" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="详细地点" name="address" rules={[{ required: true, whitespace: true, message: '请填写培训地点' }, zodRule(shape.address)]}>
              <Input maxLength={100} autoComplete="off" placeholder="如：安置点综合服务中心三楼" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>课程安排{started ? '（已开课，不能修改）' : ''}</Divider>
        <Form.List name="sessions" rules={[{ validator: async (_rule, sessions: SessionValues[]) => { if (!sessions?.length) throw new Error('至少安排 1 次课'); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={0}>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={1} style={{ paddingTop: 6 }}>{index + 1}</Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker aria-label={`第${index + 1}次课日期`} style={{ width: '100%' }} disabled={started} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[field.name, 'startTime']} rules={[{ required: true, message: '开始时间' }]}>
                      <TimePicker aria-label={`第${index + 1}次课开始`} format="HH:mm" minuteStep={5} style={{ width: '100%' }} disabled={started} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[field.name, 'endTime']} rules={[{ required: true, message: '结束时间' }]}>
                      <TimePicker aria-label={`第${index + 1}次课结束`} format="HH:mm" minuteStep={5} style={{ width: '100%' }} disabled={started} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'topic']} rules={[{ required: true, whitespace: true, message: '请填写课程内容' }]}>
                      <Input aria-label={`第${index + 1}次课内容`} maxLength={60} placeholder="课程内容，如：居家保洁" disabled={started} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button aria-label="删除这次课" type="text" danger icon={<DeleteOutlined />} disabled={started || fields.length === 1} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={started}
                onClick={() => {
                  const last = form.getFieldValue(['sessions', fields.length - 1]) as SessionValues | undefined;
                  add({ date: last?.date?.add(1, 'day'), startTime: last?.startTime, endTime: last?.endTime });
                }}
              >
                加一次课
              </Button>
            </Flex>
          )}
        </Form.List>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={8}>
            <Form.Item label="报名截止日期" name="signupDeadline" extra="不能晚于第一次课" rules={[{ required: true, message: '请选择报名截止日期' }]}>
              <DatePicker style={{ width: '100%' }} disabled={started} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>报名条件</Divider>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item label="最小年龄" name="minAge">
              <InputNumber min={TRAINING_AGE_MIN} max={TRAINING_AGE_MAX} precision={0} suffix="岁" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="最大年龄" name="maxAge">
              <InputNumber min={TRAINING_AGE_MIN} max={TRAINING_AGE_MAX} precision={0} suffix="岁" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="审批通过的搬迁户优先" name="priorityForRelocated" valuePropName="checked">
              <Switch checkedChildren="优先" unCheckedChildren="不优先" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="只招这些乡镇（不选则全县）" name="townshipCodes">
              <Select mode="multiple" allowClear options={townshipOptions} optionFilterProp="label" placeholder="全县" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>费用、补贴与结业</Divider>
        <Row gutter={16}>
          <Col span={5}>
            <Form.Item label="个人费用" name="costYuan" extra="通常免费">
              <InputNumber min={0} max={100000} precision={2} suffix="元" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="每人培训补贴" name="subsidyYuan" rules={[{ required: true, message: '请填写补贴标准' }]}>
              <InputNumber min={0} max={100000} precision={2} suffix="元" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="结业最低出勤比例" name="minAttendancePercent">
              <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="需要考核合格" name="examRequired" valuePropName="checked">
              <Switch checkedChildren="需要" unCheckedChildren="不需要" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>订单式合作用工单位</Divider>
        <Form.List name="partners">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key}>
                  <Col span={14}>
                    <Form.Item name={[field.name, 'employerId']} rules={[{ required: true, message: '请选择用工单位' }]}>
                      <Select aria-label={`合作单位${index + 1}`} showSearch optionFilterProp="label" options={employerOptions} loading={employers.isLoading} placeholder="选择用工单位" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'committedHires']} rules={[{ required: true, message: '请填写承诺招用人数' }]}>
                      <InputNumber aria-label={`合作单位${index + 1}承诺招用`} min={0} max={1000} precision={0} prefix="承诺招用" suffix="人" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button aria-label="删除这家单位" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ committedHires: 0 })}>
                加一家合作单位
              </Button>
            </Flex>
          )}
        </Form.List>

        <Form.Item label="说明" name="description" style={{ marginTop: 16 }} rules={[zodRule(shape.description, { optional: true })]}>
          <Input.TextArea maxLength={2000} rows={3} placeholder="学什么、结业后去哪里工作、需要带什么" />
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
