import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { CERTIFICATE_KIND_LABELS, CERTIFICATE_KINDS, type CertificateKind, fenToYuan, type StaffCourse, type StaffTrainingApplication } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { ErrorState } from '@/components/error-state';
import { useDownloadSubsidyRoster } from '@/features/training/api/download-sheets';
import { useApplications } from '@/features/training/api/list-applications';
import { useRecordHired, useRecordResult } from '@/features/training/api/record-result';

type ResultValues = { exam: 'passed' | 'failed' | 'none'; examScore?: string; certificateKind?: CertificateKind; certificateNumber?: string };

/** Who completed under the course's rule; exam results, certificate numbers and jobs after training. */
export function CompletionTab({ course, canManage, canDownload }: { course: StaffCourse; canManage: boolean; canDownload: boolean }) {
  const trainees = useApplications(course.id, { status: 'confirmed', page: 1, pageSize: 500 });
  const [editing, setEditing] = useState<StaffTrainingApplication | null>(null);
  const [hiring, setHiring] = useState<StaffTrainingApplication | null>(null);
  const roster = useDownloadSubsidyRoster();
  const { message } = App.useApp();
  const recording = canManage && (course.status === 'running' || course.status === 'finished');
  const completers = trainees.data?.items.filter((item) => item.completion.completed) ?? [];

  const columns: TableColumnsType<StaffTrainingApplication> = [
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
    { title: '出勤', key: 'attendance', width: 120, render: (_value, item) => `${item.attended.length}/${course.sessions.length}（${Math.round(item.completion.attendanceShare * 100)}%）` },
    { title: '考核', key: 'exam', width: 100, render: (_value, item) => (item.examPassed === true ? `合格${item.examScore !== null ? ` ${item.examScore}分` : ''}` : item.examPassed === false ? '不合格' : '—') },
    {
      title: '结业',
      key: 'completion',
      width: 220,
      render: (_value, item) => (item.completion.completed ? <Tag color="green">达到结业条件</Tag> : <Typography.Text type="secondary">{item.completion.missing}</Typography.Text>),
    },
    { title: '证书', key: 'certificate', width: 200, render: (_value, item) => (item.certificate ? `${item.certificate.kindLabel} ${item.certificate.number}` : '—') },
    { title: '培训后就业', key: 'hired', width: 160, render: (_value, item) => (item.hired ? item.hired.employerName || '已就业' : '—') },
    ...(recording
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 170,
            render: (_value: unknown, item: StaffTrainingApplication) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(item)}>考核与证书</Button>
                <Button type="link" size="small" onClick={() => setHiring(item)}>就业</Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const downloadRoster = (full: boolean) =>
    roster.mutate({ id: course.id, title: course.title, full }, { onError: (error) => void message.error(error.message) });

  if (trainees.isError && !trainees.data) return <ErrorState error={trainees.error} onRetry={() => void trainees.refetch()} title="学员名单加载失败" />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text>
          {`结业条件：出勤不少于 ${course.completion.minAttendancePercent}%${course.completion.examRequired ? '，考核合格' : ''}。目前达到条件 ${completers.length} 人，补贴合计 ${fenToYuan(completers.length * course.subsidyFen)} 元。`}
        </Typography.Text>
        {canDownload && (
          <Space>
            <Button icon={<DownloadOutlined />} loading={roster.isPending} onClick={() => downloadRoster(false)}>补贴申领花名册</Button>
            <Button loading={roster.isPending} onClick={() => downloadRoster(true)}>含完整身份证号</Button>
          </Space>
        )}
      </Flex>
      <Table<StaffTrainingApplication>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={trainees.data?.items}
        loading={trainees.isFetching}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: '还没有录取的学员' }}
      />
      <ResultModal course={course} target={editing} onClose={() => setEditing(null)} />
      <HiredModal target={hiring} onClose={() => setHiring(null)} />
    </Flex>
  );
}

function ResultModal({ course, target, onClose }: { course: StaffCourse; target: StaffTrainingApplication | null; onClose: () => void }) {
  const [form] = Form.useForm<ResultValues>();
  const record = useRecordResult();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const submit = (values: ResultValues) => {
    setError(null);
    const number = values.certificateNumber?.trim() || null;
    record.mutate(
      {
        id: target!.id,
        body: {
          examPassed: values.exam === 'none' ? null : values.exam === 'passed',
          examScore: values.examScore ? Number(values.examScore) : null,
          certificateKind: number ? (values.certificateKind ?? 'training') : null,
          certificateNumber: number,
        },
      },
      { onSuccess: () => { void message.success('已登记'); onClose(); }, onError: setError },
    );
  };
  return (
    <Modal open={target !== null} title={target ? `${target.name}：考核与证书` : ''} onCancel={onClose} footer={null} destroyOnHidden afterOpenChange={() => setError(null)}>
      {target && (
        <>
          <ErrorAlert error={error} title="没有登记" />
          <Form<ResultValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              exam: target.examPassed === true ? 'passed' : target.examPassed === false ? 'failed' : 'none',
              examScore: target.examScore?.toString(),
              certificateKind: target.certificate?.kind ?? 'training',
              certificateNumber: target.certificate?.number,
            }}
          >
            <Form.Item label="考核结果" name="exam">
              <Radio.Group optionType="button" options={[{ value: 'passed', label: '合格' }, { value: 'failed', label: '不合格' }, { value: 'none', label: course.completion.examRequired ? '未考核' : '不需要考核' }]} />
            </Form.Item>
            <Form.Item label="考核分数（可不填）" name="examScore" rules={[{ pattern: /^\d{1,3}(\.\d)?$/, message: '请填写 0–100 的分数' }]}>
              <Input style={{ width: 120 }} suffix="分" />
            </Form.Item>
            <Form.Item label="证书种类" name="certificateKind">
              <Select options={CERTIFICATE_KINDS.map((value) => ({ value, label: CERTIFICATE_KIND_LABELS[value] }))} />
            </Form.Item>
            <Form.Item label="证书编号" name="certificateNumber" extra={`当前：${target.completion.completed ? '已达到结业条件' : `未达到结业条件（${target.completion.missing}），不能登记证书`}`}>
              <Input maxLength={40} autoComplete="off" placeholder="如：PX2026-0001" />
            </Form.Item>
            <Flex justify="flex-end" gap={8}>
              <Button onClick={onClose}>取消</Button>
              <Button type="primary" htmlType="submit" loading={record.isPending}>登记</Button>
            </Flex>
          </Form>
        </>
      )}
    </Modal>
  );
}

function HiredModal({ target, onClose }: { target: StaffTrainingApplication | null; onClose: () => void }) {
  const record = useRecordHired();
  const { message } = App.useApp();
  const [hired, setHired] = useState(true);
  const [employerName, setEmployerName] = useState('');
  return (
    <Modal
      open={target !== null}
      title={target ? `${target.name}：培训后就业` : ''}
      onCancel={onClose}
      okText="保存"
      confirmLoading={record.isPending}
      destroyOnHidden
      afterOpenChange={(open) => { if (open && target) { setHired(true); setEmployerName(target.hired?.employerName ?? ''); } }}
      onOk={() =>
        record.mutateAsync({ id: target!.id, hired, employerName: employerName.trim() }).then(
          () => { void message.success('已保存'); onClose(); },
          (error: Error) => void message.error(error.message),
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">通过求职平台录用的会自动统计，这里登记平台以外找到的工作。</Typography.Text>
        <Space>
          <span>已就业</span>
          <Switch checked={hired} onChange={setHired} />
        </Space>
        {hired && <Input aria-label="就业单位" maxLength={60} value={employerName} onChange={(event) => setEmployerName(event.target.value)} placeholder="就业单位（可不填）" />}
      </Flex>
    </Modal>
  );
}
