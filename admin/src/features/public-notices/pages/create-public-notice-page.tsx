import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  createPublicNoticeBodySchema,
  defaultNoticeIntro,
  earliestPeriodEnd,
  noticePeriodProblems,
  type NoticePeriodRule,
  objectIdSchema,
  periodDays,
  RESETTLEMENT_TYPE_LABELS,
  type RegistrationSummary,
} from '@anqian/shared';
import { DivisionTreeSelect } from '@/components/division-tree-select';
import { ErrorAlert } from '@/components/error-alert';
import { ErrorState } from '@/components/error-state';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { useCurrentSession } from '@/lib/auth';
import { formatDateTimeShort } from '@/lib/format';
import { useSubmitError, zodRule } from '@/lib/form';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreatePublicNotice } from '@/features/public-notices/api/create-public-notice';
import { useNoticePeriodRule } from '@/features/public-notices/api/get-notice-period-rule';
import { useVerifiedRegistrations } from '@/features/public-notices/api/list-verified-registrations';
import { useTownshipPhones } from '@/features/public-notices/api/list-township-phones';

type Values = { title: string; intro?: string; period?: [Dayjs, Dayjs] };
/** Form fields the server's field errors go to; the period's two dates go to the range picker. */
const FIELDS = ['title', 'intro'] as const;
const PERIOD_FIELDS = ['body.startDate', 'body.endDate'];
const DATE = 'YYYY-MM-DD';
const shape = createPublicNoticeBodySchema.shape;

const periodOf = ([start, end]: [Dayjs, Dayjs]) => ({ startDate: start.format(DATE), endDate: end.format(DATE) });

/** The first thing wrong with a chosen period under the server's rule, or undefined. */
function periodProblem(value: [Dayjs, Dayjs], rule: NoticePeriodRule): string | undefined {
  const problems = noticePeriodProblems(periodOf(value), rule);
  return problems.startDate ?? problems.endDate;
}

export function CreatePublicNoticePage() {
  useDocumentTitle('发起公示');
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreatePublicNotice();
  const submitError = useSubmitError(form, FIELDS);
  const periodRule = useNoticePeriodRule();
  // A township's default text names its office phone; the county's notice lists each township's after the names.
  const ownTownship = user.role === 'township_staff';
  const contacts = useTownshipPhones({ enabled: ownTownship });

  const preselected = params.get('registrationId');
  const [selected, setSelected] = useState<string[]>(() => (preselected && objectIdSchema.safeParse(preselected).success ? [preselected] : []));
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [filter, setFilter] = useState<{ divisionCode?: string; q?: string }>({});
  const candidates = useVerifiedRegistrations({ ...page, ...filter });

  const columns: TableColumnsType<RegistrationSummary> = [
    {
      title: '户主',
      dataIndex: 'headName',
      width: 110,
      render: (name: string, row) => (
        <Link to={`/registrations/${row.id}`} target="_blank">
          {name}
        </Link>
      ),
    },
    { title: '身份证号', dataIndex: 'headIdNumberMasked', width: 190 },
    { title: '人口', dataIndex: 'memberCount', width: 70, align: 'right' },
    { title: '所在村', key: 'village', render: (_value, row) => `${row.townshipName} ${row.villageName}` },
    {
      title: '安置方式',
      dataIndex: 'resettlementType',
      width: 100,
      render: (value: RegistrationSummary['resettlementType']) => (value ? RESETTLEMENT_TYPE_LABELS[value] : '—'),
    },
    { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (value: string) => formatDateTimeShort(value) },
  ];

  if (periodRule.isPending || (ownTownship && contacts.isPending)) return <FullPageSpin />;
  if (periodRule.isError) return <ErrorState error={periodRule.error} onRetry={() => void periodRule.refetch()} title="公示期规则加载失败" />;
  const rule = periodRule.data;

  /** A period the server refused (the day may have changed since the page opened) is shown on the picker. */
  const onCreateError = (error: unknown) => {
    if (isApiError(error, 'VALIDATION_FAILED')) {
      const periodErrors = error.details.filter((detail) => PERIOD_FIELDS.includes(detail.field));
      if (periodErrors.length) {
        form.setFields([{ name: 'period', errors: periodErrors.map((detail) => detail.message) }]);
        void periodRule.refetch();
        if (periodErrors.length === error.details.length) return;
      }
    }
    submitError.onError(error);
  };

  const submit = ({ title, intro, period }: Values) => {
    const body = { title: title.trim(), intro: intro?.trim() ?? '', ...periodOf(period!), registrationIds: selected };
    const checked = createPublicNoticeBodySchema.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      if (issue?.path[0] === 'registrationIds') void message.error(issue.message);
      else if (issue) form.setFields([{ name: issue.path[0] === 'title' || issue.path[0] === 'intro' ? issue.path[0] : 'period', errors: [issue.message] }]);
      return;
    }
    modal.confirm({
      title: '发布公示？',
      content: `选中的 ${selected.length} 户将进入公示，公示期 ${body.startDate} 至 ${body.endDate}（共 ${periodDays(body.startDate, body.endDate)} 天）。发布后不能撤回，公示期也不能修改。`,
      okText: '发布',
      cancelText: '再检查一下',
      onOk: () => {
        submitError.clear();
        create.mutate(body, {
          onSuccess: (notice) => {
            void message.success(`公示已发布，${notice.householdCount} 户进入公示`);
            if (notice.skipped.length > 0) {
              // Someone returned or rejected these meanwhile; the notice went out without them.
              modal.warning({
                title: `有 ${notice.skipped.length} 户未列入公示`,
                content: `${notice.skipped.map((entry) => entry.headName).join('、')}的登记在发布前已被其他人处理，未列入本期公示。`,
                okText: '知道了',
              });
            }
            void navigate(`/public-notices/${notice.id}`, { replace: true });
          },
          onError: onCreateError,
        });
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Card title="发起公示">
        <ErrorAlert error={submitError.error} title="公示未发布" />
        <Form<Values>
          form={form}
          name="public-notice-form"
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 720 }}
          initialValues={{
            title: `${user.divisionName}避险搬迁对象公示（${dayjs().format('YYYY年M月')}）`,
            intro: defaultNoticeIntro(ownTownship ? { name: user.divisionName, officePhone: contacts.data?.items[0]?.officePhone ?? null } : null),
            period: [dayjs(rule.today), dayjs(earliestPeriodEnd(rule.today, rule.minDays))],
          }}
        >
          <Form.Item label="公示标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入公示标题' }, zodRule(shape.title)]}>
            <Input maxLength={60} showCount />
          </Form.Item>
          <Form.Item label="公示说明" name="intro" rules={[zodRule(shape.intro, { optional: true })]} extra="例如异议受理电话、地点和方式">
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item
            label="公示期"
            name="period"
            extra={`从今天（${rule.today}）或以后开始，至少 ${rule.minDays} 天（含首尾两天），公示期内群众可以提出异议。发布后公示期不能修改。`}
            rules={[
              { required: true, message: '请选择公示期' },
              {
                validator: async (_rule, value: [Dayjs, Dayjs] | undefined) => {
                  const problem = value && periodProblem(value, rule);
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            {/* Today is the server's (China's) date, not the browser's. */}
            <DatePicker.RangePicker disabledDate={(day) => day.format(DATE) < rule.today} />
          </Form.Item>
        </Form>
      </Card>
      <Card title="选择公示对象" extra={<Typography.Text>已选 {selected.length} 户</Typography.Text>}>
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title="这里列出本辖区已完成入户核实、尚未公示的登记。" />
          <CandidateFilters
            areaCode={user.divisionCode}
            onSearch={(next) => {
              setFilter(next);
              setPage((current) => ({ ...current, page: 1 }));
            }}
          />
          {candidates.isError && !candidates.data ? (
            <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} title="待公示登记加载失败" />
          ) : (
            <Table<RegistrationSummary>
              rowKey="id"
              columns={columns}
              dataSource={candidates.data?.items}
              loading={candidates.isFetching}
              rowSelection={{
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys.map(String)),
              }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待公示的登记" /> }}
              pagination={{
                current: page.page,
                pageSize: page.pageSize,
                total: candidates.data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (total) => `共 ${total} 户待公示`,
                onChange: (next, pageSize) => setPage({ page: next, pageSize }),
              }}
            />
          )}
        </Flex>
      </Card>
      <Card>
        <Flex justify="space-between" align="center">
          <Typography.Text>
            已选 <Typography.Text strong>{selected.length}</Typography.Text> 户，发布后这些登记进入“公示中”。
          </Typography.Text>
          <Space>
            <Button onClick={() => void navigate('/public-notices')}>取消</Button>
            <Button type="primary" loading={create.isPending} disabled={selected.length === 0} onClick={() => form.submit()}>
              发布公示（{selected.length} 户）
            </Button>
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}

function CandidateFilters({ areaCode, onSearch }: { areaCode: string; onSearch: (filter: { divisionCode?: string; q?: string }) => void }) {
  return (
    <Form
      name="notice-candidate-filters"
      layout="inline"
      aria-label="筛选待公示登记"
      onFinish={(values: { divisionCode?: string; q?: string }) => onSearch({ divisionCode: values.divisionCode, q: values.q?.trim() || undefined })}
      style={{ rowGap: 12 }}
    >
      <Form.Item label="区划" name="divisionCode">
        <DivisionTreeSelect rootCode={areaCode} placeholder="全部乡镇、村" allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="关键词" name="q">
        <Input placeholder="户主姓名或身份证后 4 位" allowClear maxLength={30} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
      </Form.Item>
    </Form>
  );
}
