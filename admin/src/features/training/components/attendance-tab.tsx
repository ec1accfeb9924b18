import { useRef, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Result, Row, Select, Table, Typography, type InputRef, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { chinaDate, normalizeTicketCode, type StaffCourse, type StaffTrainingApplication, TICKET_CODE_LENGTH } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { useSessionCheckIn, useSetAttendance } from '@/features/training/api/attendance';
import { useDownloadSignInSheet } from '@/features/training/api/download-sheets';
import { useApplications } from '@/features/training/api/list-applications';
import { canScanQr, QrScanner } from '@/components/qr-scanner';

type Outcome = { kind: 'success'; application: StaffTrainingApplication } | { kind: 'refused'; title: string; message: string };

/** The session held today, or the last one held; the first before the course starts. */
function defaultSession(course: StaffCourse): number {
  // The China date, as the server counts sessions held, whatever the computer's time zone.
  const today = chinaDate();
  const held = course.sessions.map((session, i) => ({ date: session.date, number: i + 1 })).filter((session) => session.date <= today);
  return held.at(-1)?.number ?? 1;
}

/** Attendance of admitted trainees: a grid to tick per session, and check-in by ticket for one session. */
export function AttendanceTab({ course, canManage, canDownload }: { course: StaffCourse; canManage: boolean; canDownload: boolean }) {
  const trainees = useApplications(course.id, { status: 'confirmed', page: 1, pageSize: 500 });
  const setAttendance = useSetAttendance(course.id);
  const download = useDownloadSignInSheet();
  const { modal, message } = App.useApp();
  const [session, setSession] = useState(() => defaultSession(course));
  const today = chinaDate();
  const ticking = canManage && (course.status === 'running' || course.status === 'finished');

  const toggle = (item: StaffTrainingApplication, number: number, present: boolean) => {
    const send = () =>
      setAttendance.mutateAsync({ id: item.id, session: number, present }).then(
        () => undefined,
        (error: Error) => void message.error(error.message),
      );
    if (present) return void send();
    modal.confirm({ title: `更正：${item.name} 第 ${number} 次课改为缺勤？`, content: '更正会记入审计日志。', okText: '改为缺勤', okButtonProps: { danger: true }, onOk: send });
  };

  const columns: TableColumnsType<StaffTrainingApplication> = [
    { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
    { title: '村（社区）', dataIndex: 'villageName', width: 140, responsive: ['md'] },
    ...course.sessions.map((item, i) => ({
      title: <Flex vertical align="center"><span>{`第${i + 1}次`}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.date.slice(5)}</Typography.Text></Flex>,
      key: `s${i + 1}`,
      width: 72,
      align: 'center' as const,
      render: (_value: unknown, trainee: StaffTrainingApplication) => (
        <Checkbox
          aria-label={`${trainee.name} 第${i + 1}次课出勤`}
          checked={trainee.attended.includes(i + 1)}
          disabled={!ticking || item.date > today}
          onChange={(event) => toggle(trainee, i + 1, event.target.checked)}
        />
      ),
    })),
    { title: '出勤', key: 'total', width: 70, render: (_value, trainee) => `${trainee.attended.length}/${course.sessions.length}` },
  ];

  if (trainees.isError && !trainees.data) return <ErrorState error={trainees.error} onRetry={() => void trainees.refetch()} title="学员名单加载失败" />;
  return (
    <Flex vertical gap={16}>
      {ticking && (
        <CheckInCard course={course} session={session} onSession={setSession} />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{ticking ? '勾选即记出勤；取消勾选是更正，会记入审计日志。未到日期的课不能勾选。' : '开课后才能记出勤。'}</Typography.Text>
        {canDownload && (
          <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate({ id: course.id, title: course.title })}>
            下载签到表（可打印）
          </Button>
        )}
      </Flex>
      <Table<StaffTrainingApplication>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={trainees.data?.items}
        loading={trainees.isFetching}
        pagination={false}
        scroll={{ x: 320 + course.sessions.length * 72 }}
        locale={{ emptyText: '还没有录取的学员' }}
      />
    </Flex>
  );
}

function CheckInCard({ course, session, onSession }: { course: StaffCourse; session: number; onSession: (session: number) => void }) {
  const checkIn = useSessionCheckIn(course.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [code, setCode] = useState('');
  const input = useRef<InputRef>(null);

  const submit = (ticket: string) => {
    if (checkIn.isPending) return;
    checkIn.mutate(
      { session, ticket },
      {
        onSuccess: (application) => {
          setOutcome({ kind: 'success', application });
          setCode('');
        },
        onError: (error) => {
          const title = isApiError(error, 'TICKET_ALREADY_CHECKED_IN') ? '重复签到' : isApiError(error, 'TICKET_INVALID') ? '电子票无效' : '不能签到';
          setOutcome({ kind: 'refused', title, message: error.message });
        },
        onSettled: () => input.current?.focus(),
      },
    );
  };

  const typed = normalizeTicketCode(code);
  return (
    <Card size="small" title="课堂签到">
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Flex vertical gap={12}>
            <Select
              aria-label="选择课次"
              value={session}
              onChange={(next) => { onSession(next); setOutcome(null); }}
              options={course.sessions.map((item, i) => ({ value: i + 1, label: `第 ${i + 1} 次课 · ${item.date} ${item.startTime} · ${item.topic}` }))}
            />
            <Form layout="vertical" onFinish={() => submit(typed)}>
              <Form.Item label="电子票号" extra="学员出示的 8 位票号，如 7KQ2-M9XD；字母不分大小写">
                <Flex gap={8}>
                  <Input ref={input} size="large" autoComplete="off" value={code} maxLength={12} onChange={(event) => setCode(event.target.value)} placeholder="XXXX-XXXX" style={{ fontFamily: 'monospace', letterSpacing: 2 }} />
                  <Button type="primary" size="large" htmlType="submit" loading={checkIn.isPending} disabled={typed.length !== TICKET_CODE_LENGTH}>
                    签到
                  </Button>
                </Flex>
              </Form.Item>
            </Form>
            {canScanQr ? (
              <QrScanner onScan={submit} paused={checkIn.isPending} />
            ) : (
              <Typography.Text type="secondary">这个浏览器不能直接识别二维码（需要新版 Chrome 或 Edge），请输入票号或在下方名单中勾选。</Typography.Text>
            )}
          </Flex>
        </Col>
        <Col xs={24} md={12}>
          {outcome === null ? (
            <Result status="info" title="等待签到" subTitle="扫描学员手机上的二维码，或输入票号" />
          ) : outcome.kind === 'success' ? (
            <Result status="success" title="签到成功" subTitle={<Typography.Text style={{ fontSize: 20 }}>{`${outcome.application.name} · 第 ${session} 次课`}</Typography.Text>} />
          ) : (
            <Result status="error" title={outcome.title} subTitle={outcome.message} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
