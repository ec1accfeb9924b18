import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import {
  type CreatePostingBody,
  FOOD_AND_LODGING,
  FOOD_AND_LODGING_LABELS,
  JOB_CATEGORIES,
  JOB_CATEGORY_LABELS,
  restrictedHiringMessage,
  restrictedHiringTerm,
  type StaffJobPosting,
} from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useEmployerList } from '@/features/jobs/api/list-employers';
import { usePosting } from '@/features/jobs/api/get-posting';
import { useSavePosting } from '@/features/jobs/api/save-posting';

type Values = Omit<CreatePostingBody, 'closingDate' | 'employerId'> & { employerId?: string; closingDate?: Dayjs };

const CATEGORY_OPTIONS = JOB_CATEGORIES.map((value) => ({ value, label: JOB_CATEGORY_LABELS[value] }));
const FOOD_OPTIONS = FOOD_AND_LODGING.map((value) => ({ value, label: FOOD_AND_LODGING_LABELS[value] }));

/** The same refusal the server makes, shown while typing. */
const noRestriction = {
  validator: async (_rule: unknown, value: unknown) => {
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      const found = typeof text === 'string' ? restrictedHiringTerm(text) : null;
      if (found) throw new Error(restrictedHiringMessage(found));
    }
  },
};

const toValues = (posting: StaffJobPosting): Values => ({
  employerId: posting.employerId,
  title: posting.title,
  category: posting.category,
  description: posting.description,
  workplace: posting.workplace,
  headcount: posting.headcount,
  pay: posting.pay,
  hours: posting.hours,
  requirements: posting.requirements,
  foodAndLodging: posting.foodAndLodging,
  transport: posting.transport,
  closingDate: dayjs(posting.closingDate),
  priorityRelocated: posting.priorityRelocated,
});

export function PostingEditPage() {
  const { id } = useParams();
  const posting = usePosting(id);
  useDocumentTitle(id ? '编辑岗位' : '新建岗位');
  if (id && !posting.data) {
    if (posting.isError) {
      return (
        <DetailLoadError
          error={posting.error}
          onRetry={() => void posting.refetch()}
          errorTitle="岗位加载失败"
          notFound={{ title: '岗位不存在', subTitle: '可能已被删除，或链接有误', backTo: '/job-postings', backLabel: '返回岗位列表' }}
        />
      );
    }
    return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  }
  return <PostingForm posting={posting.data ?? null} />;
}

function PostingForm({ posting }: { posting: StaffJobPosting | null }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSavePosting();
  const [failure, setFailure] = useState<unknown>(null);
  const employers = useEmployerList({ page: 1, pageSize: 100, status: 'active' });
  const workplaceKind = Form.useWatch(['workplace', 'kind'], form);
  const payKind = Form.useWatch(['pay', 'kind'], form);

  const submit = (values: Values) => {
    setFailure(null);
    const { employerId, closingDate, ...rest } = values;
    const body = { ...rest, closingDate: closingDate!.format('YYYY-MM-DD') };
    const onSuccess = (saved: StaffJobPosting) => {
      void message.success(posting ? '岗位已保存' : '已保存为草稿，确认无误后可发布');
      void navigate(`/job-postings/${saved.id}`);
    };
    // Server details name fields as `body.pay.maxYuan`: put each next to its field.
    const onError = (error: unknown) => {
      if (isApiError(error, 'VALIDATION_FAILED') && error.details.length) {
        const path = (field: string) => field.replace(/^body\./, '').split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        // Skills are one field in the form: a refused skill marks the list.
        const name = (field: string) => (/^body\.requirements\.skills\./.test(field) ? ['requirements', 'skills'] : path(field));
        form.setFields(error.details.map((detail) => ({ name: name(detail.field) as never, errors: [detail.message] })));
        return;
      }
      setFailure(error);
    };
    if (posting) save.mutate({ id: posting.id, body }, { onSuccess, onError });
    else save.mutate({ id: null, body: { ...body, employerId: employerId! } }, { onSuccess, onError });
  };

  return (
    <Card title={posting ? `编辑岗位：${posting.title}` : '新建岗位'}>
      <ErrorAlert error={failure} title="保存未完成" />
      <Form<Values>
        form={form}
        name="posting-form"
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={
          posting
            ? toValues(posting)
            : {
                workplace: { kind: 'county' } as Values['workplace'],
                pay: { kind: 'monthly' } as Values['pay'],
                requirements: { ageMin: 18, ageMax: 55, skills: [], other: '' },
                foodAndLodging: 'none',
                priorityRelocated: true,
                headcount: 1,
                closingDate: dayjs().add(30, 'day'),
              }
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="用工单位" name="employerId" rules={[{ required: true, message: '请选择用工单位' }]}>
              <Select
                disabled={Boolean(posting)}
                showSearch
                optionFilterProp="label"
                loading={employers.isFetching}
                placeholder="选择合作中的用工单位"
                options={(employers.data?.items ?? []).map((employer) => ({ value: employer.id, label: employer.name }))}
                notFoundContent="没有合作中的用工单位，请先在“用工单位”中登记"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="岗位名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写岗位名称' }, { max: 40, message: '岗位名称最多 40 个字' }, noRestriction]}>
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="岗位类别" name="category" rules={[{ required: true, message: '请选择岗位类别' }]}>
              <Select options={CATEGORY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="招聘人数" name="headcount" extra={posting?.hired ? `已录用 ${posting.hired} 人` : undefined} rules={[{ required: true, message: '请输入招聘人数' }]}>
              <InputNumber min={1} max={10000} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="截止日期" name="closingDate" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="岗位描述" name="description" rules={[{ max: 1000, message: '岗位描述最多 1000 个字' }, noRestriction]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="工作地点" name={['workplace', 'kind']}>
              <Radio.Group options={[{ value: 'county', label: '县内' }, { value: 'outside', label: '县外' }]} optionType="button" />
            </Form.Item>
          </Col>
          {workplaceKind === 'outside' ? (
            <>
              <Col span={8}>
                <Form.Item label="省份" name={['workplace', 'province']} rules={[{ required: true, whitespace: true, message: '请填写省份' }]}>
                  <Input maxLength={20} placeholder="如 浙江省" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="城市" name={['workplace', 'city']} rules={[{ required: true, whitespace: true, message: '请填写城市' }]}>
                  <Input maxLength={20} placeholder="如 宁波市" />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col span={16}>
              <Form.Item label="县内地点（乡镇或村）" name={['workplace', 'divisionCode']} rules={[{ required: true, message: '请选择工作地点' }]}>
                <DivisionTreeSelect />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item label="薪资方式" name={['pay', 'kind']}>
              <Radio.Group options={[{ value: 'monthly', label: '月薪' }, { value: 'daily', label: '日薪' }, { value: 'piece', label: '计件' }]} optionType="button" />
            </Form.Item>
          </Col>
          {payKind === 'monthly' || payKind === undefined ? (
            <>
              <Col span={8}>
                <Form.Item label="最低月薪" name={['pay', 'minYuan']} rules={[{ required: true, message: '请输入最低月薪' }]}>
                  <InputNumber min={1} max={100000} precision={0} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label="最高月薪"
                  name={['pay', 'maxYuan']}
                  dependencies={[['pay', 'minYuan']]}
                  rules={[
                    { required: true, message: '请输入最高月薪' },
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value?: number) => {
                        const min = getFieldValue(['pay', 'minYuan']) as number | undefined;
                        if (value !== undefined && min !== undefined && value < min) throw new Error('最高月薪不能低于最低月薪');
                      },
                    }),
                  ]}
                >
                  <InputNumber min={1} max={100000} precision={0} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col span={8}>
                <Form.Item label={payKind === 'daily' ? '日薪' : '计件单价'} name={['pay', 'yuan']} rules={[{ required: true, message: '请输入金额' }]}>
                  <InputNumber min={0.01} max={10000} precision={2} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {payKind === 'piece' && (
                <Col span={8}>
                  <Form.Item label="计件单位" name={['pay', 'unit']} rules={[{ required: true, whitespace: true, message: '请填写计件单位' }]}>
                    <Input maxLength={10} placeholder="如 件、斤" />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
          <Col span={12}>
            <Form.Item label="工作时间" name="hours" rules={[{ required: true, whitespace: true, message: '请填写工作时间' }, { max: 60, message: '工作时间最多 60 个字' }, noRestriction]}>
              <Input maxLength={60} placeholder="如 8:00-17:30，月休 4 天" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="食宿" name="foodAndLodging" rules={[{ required: true, message: '请选择食宿情况' }]}>
              <Select options={FOOD_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="交通" name="transport" rules={[{ max: 100, message: '交通最多 100 个字' }, noRestriction]}>
              <Input maxLength={100} placeholder="如 统一接送" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="最小年龄" name={['requirements', 'ageMin']} rules={[{ required: true, message: '请输入最小年龄' }]}>
              <InputNumber min={16} max={70} precision={0} suffix="岁" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="最大年龄" name={['requirements', 'ageMax']} rules={[{ required: true, message: '请输入最大年龄' }]}>
              <InputNumber min={16} max={70} precision={0} suffix="岁" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="技能要求（回车添加）" name={['requirements', 'skills']} rules={[noRestriction]}>
              <Select mode="tags" maxCount={10} open={false} placeholder="如 保洁、电动缝纫机" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="其他要求"
              name={['requirements', 'other']}
              extra="不能限定性别、民族或婚育状况（《就业促进法》）"
              rules={[{ max: 200, message: '其他要求最多 200 个字' }, noRestriction]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="priorityRelocated" valuePropName="checked">
              <Checkbox>优先招用搬迁群众</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => void navigate(posting ? `/job-postings/${posting.id}` : '/job-postings')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
