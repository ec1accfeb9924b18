import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Statistic, Tabs, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { ADMISSION_MODE_LABELS, fenToYuan, HR_ROLES, type StaffCourse } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCourse, useCourseOutcomes } from '@/features/training/api/get-course';
import { ApplicantsTab } from '@/features/training/components/applicants-tab';
import { AttendanceTab } from '@/features/training/components/attendance-tab';
import { CompletionTab } from '@/features/training/components/completion-tab';
import { CourseActions } from '@/features/training/components/course-actions';
import { CourseFormDrawer } from '@/features/training/components/course-form-drawer';
import { ProxyApplyModal } from '@/features/training/components/proxy-apply-modal';
import { CourseStatusTag } from '@/features/training/components/status-tags';

export function CourseDetailPage() {
  const { id = '' } = useParams();
  const course = useCourse(id);
  const session = useCurrentSession();
  const [editing, setEditing] = useState(false);
  const [proxying, setProxying] = useState(false);
  useDocumentTitle(course.data ? `${course.data.title} · 技能培训` : '技能培训');

  if (course.isPending) return <FullPageSpin />;
  if (course.isError)
    return (
      <DetailLoadError
        error={course.error}
        onRetry={() => void course.refetch()}
        errorTitle="培训班加载失败"
        notFound={{ title: '培训班不存在', subTitle: '可能已被删除，或链接有误', backTo: '/training', backLabel: '返回培训班列表' }}
      />
    );
  const data = course.data;
  const canManage = hasRole(session, HR_ROLES);
  const canDownload = hasRole(session, ['hr_staff', 'county_admin']);
  const canProxy = hasRole(session, ['township_staff', 'village_cadre']);
  const defaultTab = data.status === 'running' ? 'attendance' : data.status === 'finished' ? 'completion' : 'applicants';

  return (
    <Flex vertical gap={16}>
      <Card
        title={<Flex gap={8} align="center">{data.title}<CourseStatusTag course={data} /></Flex>}
        extra={
          (canProxy && data.acceptingApplications && <Button type="primary" onClick={() => setProxying(true)}>代群众报名</Button>) ||
          (canManage && (
            <Flex gap={8}>
              {!['finished', 'cancelled'].includes(data.status) && <Button onClick={() => setEditing(true)}>编辑</Button>}
              <CourseActions course={data} />
            </Flex>
          ))
        }
      >
        {data.status === 'cancelled' && <Alert type="error" showIcon message={`已取消：${data.cancelReason ?? ''}`} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col xs={12} sm={8} md={4}><Statistic title="招收" value={data.capacity} suffix="人" /></Col>
          <Col xs={12} sm={8} md={4}><Statistic title="已录取" value={data.admitted} suffix="人" valueStyle={{ color: '#389e0d' }} /></Col>
          <Col xs={12} sm={8} md={4}><Statistic title="剩余名额" value={data.placesLeft} suffix="人" /></Col>
          <Col xs={12} sm={8} md={4}><Statistic title="候补" value={data.waitlisted} suffix="人" /></Col>
          <Col xs={12} sm={8} md={4}><Statistic title="待审核" value={data.pending} suffix="人" valueStyle={data.pending ? { color: '#d48806' } : undefined} /></Col>
          <Col xs={12} sm={8} md={4}><Statistic title="每人补贴" value={fenToYuan(data.subsidyFen)} suffix="元" /></Col>
        </Row>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="类别">{data.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label="培训机构">{data.provider}</Descriptions.Item>
          <Descriptions.Item label="地点">{`${data.divisionName} ${data.address}`}</Descriptions.Item>
          <Descriptions.Item label="上课">{`${data.firstDate} 至 ${data.lastDate}，共 ${data.sessions.length} 次`}</Descriptions.Item>
          <Descriptions.Item label="报名截止">{data.signupDeadline}</Descriptions.Item>
          <Descriptions.Item label="录取方式">{ADMISSION_MODE_LABELS[data.admission]}</Descriptions.Item>
          <Descriptions.Item label="报名条件">
            {`${data.eligibility.minAge}–${data.eligibility.maxAge} 岁${data.eligibility.priorityForRelocated ? '，搬迁户优先' : ''}${data.eligibility.townshipNames.length ? `，限 ${data.eligibility.townshipNames.join('、')}` : '，全县'}`}
          </Descriptions.Item>
          <Descriptions.Item label="结业条件">{`出勤不少于 ${data.completion.minAttendancePercent}%${data.completion.examRequired ? '，考核合格' : ''}`}</Descriptions.Item>
          <Descriptions.Item label="个人费用">{data.costFen ? `${fenToYuan(data.costFen)} 元` : '免费'}</Descriptions.Item>
          <Descriptions.Item label="合作用工单位" span="filled">
            {data.partners.length ? data.partners.map((partner) => <Tag key={partner.employerId}>{`${partner.name}（承诺招用 ${partner.committedHires} 人）`}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={defaultTab}
          items={[
            { key: 'applicants', label: '报名与录取', children: <ApplicantsTab course={data} canManage={canManage} /> },
            { key: 'attendance', label: '出勤', children: <AttendanceTab course={data} canManage={canManage} canDownload={canDownload} /> },
            { key: 'completion', label: '结业与证书', children: <CompletionTab course={data} canManage={canManage} canDownload={canDownload} /> },
            { key: 'outcomes', label: '培训成效', children: <OutcomesPanel course={data} /> },
          ]}
        />
      </Card>
      {canProxy && <ProxyApplyModal course={data} open={proxying} onClose={() => setProxying(false)} />}
      {canManage && <CourseFormDrawer target={editing ? { mode: 'edit', course: data } : null} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

function OutcomesPanel({ course }: { course: StaffCourse }) {
  const outcomes = useCourseOutcomes(course.id);
  const data = outcomes.data;
  if (outcomes.isError) return <Alert type="error" showIcon message="培训成效加载失败" action={<Button size="small" onClick={() => void outcomes.refetch()}>重试</Button>} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="录取" value={data?.admitted} suffix="人" /></Col>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="结业" value={data?.completed} suffix="人" /></Col>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="取得证书" value={data?.certified} suffix="人" /></Col>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="结业率" value={Math.round((data?.completionRate ?? 0) * 100)} suffix="%" /></Col>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="培训后就业" value={data?.hired} suffix="人" valueStyle={{ color: '#389e0d' }} /></Col>
      <Col xs={12} sm={8} md={4}><Statistic loading={!data} title="合作单位承诺招用" value={data?.committedHires} suffix="人" /></Col>
      <Col xs={12} sm={8}><Statistic loading={!data} title="其中通过求职平台录用" value={data?.hiredThroughJobs} suffix="人" /></Col>
      <Col xs={12} sm={8}><Statistic loading={!data} title="补贴合计" value={fenToYuan(data?.subsidyTotalFen ?? 0)} suffix="元" /></Col>
    </Row>
  );
}
