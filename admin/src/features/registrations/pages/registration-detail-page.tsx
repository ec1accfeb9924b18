import { Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { AREA_OFFICE_ROLES, type RegistrationDetail, RESETTLEMENT_TYPE_LABELS, WILLINGNESS_LABELS } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { RegistrationStatusTag } from '@/components/registration-status-tag';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRegistration } from '@/features/registrations/api/get-registration';
import { HouseholdSection } from '@/features/registrations/components/household-section';
import { NotesCard } from '@/features/registrations/components/notes-card';
import { ObjectionsCard } from '@/features/registrations/components/objections-card';
import { RegistrationActions } from '@/features/registrations/components/registration-actions';
import { RegistrationTimeline } from '@/features/registrations/components/registration-timeline';
import { SameHouseholdCard } from '@/features/registrations/components/same-household-card';
import { SubsidyCard } from '@/features/registrations/components/subsidy-card';

/** Township and county staff handle the case; village cadres follow it and add notes. */

export function RegistrationDetailPage() {
  const { id = '' } = useParams();
  const registration = useRegistration(id);
  useDocumentTitle(registration.data ? `${registration.data.headName}户的搬迁登记` : '搬迁登记');

  if (registration.isPending) return <FullPageSpin />;
  if (registration.isError) {
    return (
      <DetailLoadError
        error={registration.error}
        onRetry={() => void registration.refetch()}
        errorTitle="登记加载失败"
        notFound={{ title: '登记不存在', subTitle: '这条登记不存在，或不在您的管辖范围内。', backTo: '/registrations', backLabel: '返回登记列表' }}
      />
    );
  }
  return <RegistrationDetailView registration={registration.data} />;
}

function RegistrationDetailView({ registration }: { registration: RegistrationDetail }) {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const location = useLocation();
  // Back to the filtered list the user came from; a page opened directly has no such history.
  const goBack = () => void (location.key === 'default' ? navigate('/registrations') : navigate(-1));
  const handles = hasRole(session, AREA_OFFICE_ROLES);
  const { wishes } = registration;
  const showObjections = registration.status === 'publicizing' || registration.objections.length > 0;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8}>
            <Space>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={goBack} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {registration.headName}户的搬迁登记
              </Typography.Title>
              <RegistrationStatusTag status={registration.status} />
              {registration.enteredBy && <Tag>村干部{registration.enteredBy.name}代填</Tag>}
              {registration.householdClash && <Tag color="orange">同户多次登记</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {registration.townshipName} {registration.villageName} · 提交于 {formatDateTime(registration.submittedAt)} · 更新于{' '}
              {formatDateTime(registration.updatedAt)}
            </Typography.Text>
          </Flex>
          <RegistrationActions registration={registration} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {registration.sameHousehold && (
              <SameHouseholdCard currentId={registration.id} sameHousehold={registration.sameHousehold} canKeep={handles} />
            )}
            <HouseholdSection registrationId={registration.id} household={registration.household} canReveal={handles} />
            <Card title="搬迁意愿">
              <Descriptions
                bordered
                size="small"
                column={2}
                items={[
                  { key: 'willingness', label: '搬迁意愿', children: WILLINGNESS_LABELS[wishes.willingness] },
                  {
                    key: 'type',
                    label: '安置方式',
                    children: wishes.resettlementType ? RESETTLEMENT_TYPE_LABELS[wishes.resettlementType] : '—',
                  },
                  {
                    key: 'site',
                    label: '意向安置点',
                    children: wishes.preferredSite ? `${wishes.preferredSite.name}（${wishes.preferredSite.townshipName}）` : '—',
                  },
                  { key: 'month', label: '意向搬迁时间', children: wishes.preferredMoveMonth ?? '—' },
                  {
                    key: 'reasons',
                    label: '原因或说明',
                    span: 2,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{wishes.reasons || '—'}</span>,
                  },
                ]}
              />
            </Card>
            <SubsidyCard registrationId={registration.id} updatedAt={registration.updatedAt} />
            {showObjections && (
              <ObjectionsCard
                registrationId={registration.id}
                objections={registration.objections}
                canRecord={handles && registration.status === 'publicizing'}
                canResolve={handles}
              />
            )}
            <NotesCard registrationId={registration.id} notes={registration.notes} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title="安置与公示">
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'site',
                    label: '安置点',
                    children: registration.assignedSite
                      ? `${registration.assignedSite.name}（${registration.assignedSite.townshipName}）`
                      : '尚未分配',
                  },
                  {
                    key: 'notice',
                    label: '公示',
                    children: registration.notice ? (
                      <Flex vertical>
                        <Link to={`/public-notices/${registration.notice.id}`}>{registration.notice.title}</Link>
                        <Typography.Text type="secondary">
                          {registration.notice.startDate} 至 {registration.notice.endDate}
                        </Typography.Text>
                      </Flex>
                    ) : (
                      '尚未公示'
                    ),
                  },
                  ...(registration.status === 'publicizing'
                    ? [
                        {
                          key: 'approvable',
                          label: '可审批日期',
                          children: registration.approvableFrom ? `${registration.approvableFrom} 起` : '需要重新公示',
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title="办理进度">
              <RegistrationTimeline entries={registration.timeline} />
            </Card>
            <Card title="历史登记">
              {registration.previous.length === 0 ? (
                <Typography.Text type="secondary">这一户没有更早的登记</Typography.Text>
              ) : (
                <Flex vertical gap={8}>
                  {registration.previous.map((previous) => (
                    <Space key={previous.id}>
                      <Link to={`/registrations/${previous.id}`}>{formatDateTime(previous.submittedAt)} 提交</Link>
                      <RegistrationStatusTag status={previous.status} />
                    </Space>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
