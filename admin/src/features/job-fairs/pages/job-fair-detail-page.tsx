import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Statistic, Tag, Typography, type InputRef } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { HR_ROLES, normalizeTicketCode, type StaffSignup, TICKET_CODE_LENGTH } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCheckIn } from '@/features/job-fairs/api/check-in';
import { useExportJobFair } from '@/features/job-fairs/api/export-job-fair';
import { useJobFair, useJobFairStats } from '@/features/job-fairs/api/get-job-fair';
import { FairPhaseTag } from '@/features/job-fairs/components/fair-phase-tag';
import { canScanQr, QrScanner } from '@/components/qr-scanner';

type Outcome = { kind: 'success'; signup: StaffSignup } | { kind: 'refused'; title: string; message: string };

export function JobFairDetailPage() {
  const { id = '' } = useParams();
  const fair = useJobFair(id);
  const stats = useJobFairStats(id);
  const session = useCurrentSession();
  const exportSheet = useExportJobFair();
  useDocumentTitle(fair.data ? `${fair.data.title} · 签到` : '招聘会');

  if (fair.isPending) return <FullPageSpin />;
  if (fair.isError) return (
      <DetailLoadError
        error={fair.error}
        onRetry={() => void fair.refetch()}
        errorTitle="招聘会加载失败"
        notFound={{ title: '招聘会不存在', subTitle: '可能已被删除，或链接有误', backTo: '/job-fairs', backLabel: '返回招聘会列表' }}
      />
    );
  const data = fair.data;
  const canCheckIn = hasRole(session, HR_ROLES) && data.status === 'published';
  const canExport = hasRole(session, ['hr_staff', 'county_admin']);

  return (
    <Flex vertical gap={16}>
      <Card
        title={<Flex gap={8} align="center">{data.title}<FairPhaseTag phase={data.phase} /></Flex>}
        extra={
          canExport && (
            <Button icon={<DownloadOutlined />} loading={exportSheet.isPending} onClick={() => exportSheet.mutate({ id: data.id, title: data.title })}>
              导出报名签到表
            </Button>
          )
        }
      >
        {data.status === 'cancelled' && <Alert type="error" showIcon message={`已取消：${data.cancelReason ?? ''}`} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col span={4}><Statistic title="可报名" value={data.capacity} suffix="人" /></Col>
          <Col span={4}><Statistic title="已报名" value={stats.data?.signedUp ?? data.taken} suffix="人" /></Col>
          <Col span={4}><Statistic title="已签到" value={stats.data?.checkedIn ?? 0} suffix="人" valueStyle={{ color: '#389e0d' }} /></Col>
          <Col span={4}><Statistic title="签到率" value={Math.round((stats.data?.checkInRate ?? 0) * 100)} suffix="%" /></Col>
          <Col span={4}><Statistic title="当天投递本场岗位" value={stats.data?.applications ?? 0} suffix="份" /></Col>
          <Col span={4}><Statistic title="其中已录用" value={stats.data?.hires ?? 0} suffix="人" valueStyle={{ color: '#389e0d' }} /></Col>
        </Row>
        <Descriptions size="small" column={2} style={{ marginTop: 16 }}>
          <Descriptions.Item label="时间">{`${data.date} ${data.startTime}-${data.endTime}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{data.venue}</Descriptions.Item>
          <Descriptions.Item label="主办单位">{data.organiser}</Descriptions.Item>
          <Descriptions.Item label="取消报名">{stats.data ? `${stats.data.cancelled} 人` : '—'}</Descriptions.Item>
          <Descriptions.Item label="参会单位" span={2}>
            {data.employers.length ? data.employers.map((item) => <Tag key={item.id}>{item.name}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="招聘岗位" span={2}>
            {data.postings.length ? data.postings.map((item) => <Tag key={item.id}>{`${item.employerName}：${item.title}`}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {canCheckIn && <CheckInCard fairId={data.id} />}
    </Flex>
  );
}

function CheckInCard({ fairId }: { fairId: string }) {
  const checkIn = useCheckIn(fairId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [code, setCode] = useState('');
  const input = useRef<InputRef>(null);

  const submit = (ticket: string) => {
    if (checkIn.isPending) return;
    checkIn.mutate(ticket, {
      onSuccess: ({ signup }) => {
        setOutcome({ kind: 'success', signup });
        setCode('');
      },
      onError: (error) => {
        const title = isApiError(error, 'TICKET_ALREADY_CHECKED_IN') ? '重复签到' : isApiError(error, 'TICKET_INVALID') ? '电子票无效' : '不能签到';
        setOutcome({ kind: 'refused', title, message: error.message });
      },
      onSettled: () => input.current?.focus(),
    });
  };

  const typed = normalizeTicketCode(code);
  return (
    <Card title="入场签到">
      <Row gutter={24}>
        <Col span={12}>
          <Flex vertical gap={16}>
            <Form layout="vertical" onFinish={() => submit(typed)}>
              <Form.Item label="电子票号" extra="群众出示的 8 位票号，如 7KQ2-M9XD；字母不分大小写">
                <Flex gap={8}>
                  <Input
                    ref={input}
                    size="large"
                    autoFocus
                    autoComplete="off"
                    value={code}
                    maxLength={12}
                    onChange={(event) => setCode(event.target.value)}
                    placeholder="XXXX-XXXX"
                    style={{ fontFamily: 'monospace', letterSpacing: 2 }}
                  />
                  <Button type="primary" size="large" htmlType="submit" loading={checkIn.isPending} disabled={typed.length !== TICKET_CODE_LENGTH}>
                    签到
                  </Button>
                </Flex>
              </Form.Item>
            </Form>
            {canScanQr ? (
              <QrScanner onScan={submit} paused={checkIn.isPending} />
            ) : (
              <Typography.Text type="secondary">这个浏览器不能直接识别二维码（需要新版 Chrome 或 Edge），请输入票号签到。</Typography.Text>
            )}
          </Flex>
        </Col>
        <Col span={12}>
          {outcome === null ? (
            <Result status="info" title="等待签到" subTitle="扫描群众手机上的二维码，或输入票号" />
          ) : outcome.kind === 'success' ? (
            <Result
              status="success"
              title="签到成功"
              subTitle={
                <Flex vertical>
                  <Typography.Text style={{ fontSize: 20 }}>{outcome.signup.nameMasked}</Typography.Text>
                  <Typography.Text>{outcome.signup.phoneMasked ?? '未绑定手机号'}</Typography.Text>
                  <Typography.Text type="secondary">{`票号 ${outcome.signup.code} · ${formatDateTime(outcome.signup.checkedInAt)}`}</Typography.Text>
                </Flex>
              }
            />
          ) : (
            <Result status="error" title={outcome.title} subTitle={outcome.message} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
