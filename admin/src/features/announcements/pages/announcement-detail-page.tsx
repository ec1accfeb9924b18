import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PushpinFilled } from '@ant-design/icons';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { StaffAnnouncementDetail } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { type AnnouncementStaffAction, useChangeAnnouncementStatus } from '@/features/announcements/api/change-announcement-status';
import { useAnnouncement } from '@/features/announcements/api/get-announcement';
import { AnnouncementStatusTag, AnnouncementTypeTag } from '@/features/announcements/components/announcement-status-tag';
import { AttachmentList } from '@/features/announcements/components/attachment-upload';
import { ReceiptsCard } from '@/features/announcements/components/receipts-card';
// The policy library's renderer shows exactly the allowlist the server keeps.
import { RichTextView } from '@/components/rich-text/rich-text-view';

export function AnnouncementDetailPage() {
  const { id = '' } = useParams();
  const announcement = useAnnouncement(id);
  useDocumentTitle(announcement.data?.title ?? '通知公告');

  if (announcement.isPending) return <FullPageSpin />;
  if (announcement.isError) {
    return (
      <DetailLoadError
        error={announcement.error}
        onRetry={() => void announcement.refetch()}
        errorTitle="通知公告加载失败"
        notFound={{ title: '通知公告不存在', subTitle: '这条公告不存在，或不在您的辖区内。', backTo: '/announcements', backLabel: '返回通知公告' }}
      />
    );
  }
  return <AnnouncementView announcement={announcement.data} />;
}

function confirmText(announcement: StaffAnnouncementDetail, action: AnnouncementStaffAction): { title: string; content: string; okText: string; danger?: boolean } {
  if (action === 'withdraw') {
    const messages = announcement.alert ? '还没发出的预警微信消息不再发送，已发出的无法收回。' : '已发出的微信消息无法收回。';
    return { title: '撤回这条公告？', content: `撤回后群众在小程序里看不到它，${messages}撤回后不能再发布，如需更正请新建一条。`, okText: '撤回', danger: true };
  }
  if (action === 'unschedule') return { title: '取消定时发布？', content: '公告回到草稿，修改后可以重新发布。', okText: '取消定时' };
  const scheduled = announcement.publishAt && new Date(announcement.publishAt).getTime() > Date.now();
  if (announcement.type === 'hazard_alert' && !scheduled) {
    return {
      title: `立即发布地质灾害预警：${announcement.divisionName}`,
      content: `发布后马上给${announcement.divisionName}范围内同意接收的群众发送微信消息，并在小程序首页置顶，直到 ${formatDateTime(announcement.expiresAt)}。消息发出后不能收回，请再核对一遍地点和内容。`,
      okText: '确认发布预警',
      danger: true,
    };
  }
  if (scheduled) return { title: '定时发布这条公告？', content: `将在 ${formatDateTime(announcement.publishAt)} 自动发布给${announcement.divisionName}的群众。`, okText: '定时发布' };
  return { title: '发布这条公告？', content: `发布后${announcement.divisionName}的群众马上能在小程序里看到。`, okText: '发布' };
}

function AnnouncementView({ announcement }: { announcement: StaffAnnouncementDetail }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const changeStatus = useChangeAnnouncementStatus();
  const goBack = () => void (location.key === 'default' ? navigate('/announcements') : navigate(-1));
  const editable = announcement.canEdit && (announcement.status === 'draft' || announcement.status === 'scheduled');
  const showReceipts = announcement.canEdit && announcement.mustRead && announcement.publishedAt !== null;

  const run = (action: AnnouncementStaffAction) => {
    const confirm = confirmText(announcement, action);
    modal.confirm({
      title: confirm.title,
      content: confirm.content,
      okText: confirm.okText,
      okButtonProps: { danger: confirm.danger },
      cancelText: '再想想',
      onOk: async () => {
        try {
          const saved = await changeStatus.mutateAsync({ id: announcement.id, action });
          void message.success(
            saved.status === 'scheduled'
              ? '已设为定时发布'
              : saved.status === 'published' && saved.alert
                ? `已发布，已为 ${saved.alert.queued} 位群众排队发送微信消息`
                : { published: '已发布', withdrawn: '已撤回', draft: '已取消定时', scheduled: '' }[saved.status],
          );
        } catch (error) {
          void message.error(isApiError(error) ? error.message : '操作未完成，请稍后再试');
        }
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Space align="start">
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={goBack} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {announcement.title}
              </Typography.Title>
            </Space>
            <Space wrap>
              <AnnouncementStatusTag status={announcement.viewStatus} />
              <AnnouncementTypeTag type={announcement.type} />
              {announcement.mustRead && <Tag color="purple">须阅知</Tag>}
              {announcement.pinned && (
                <Tag icon={<PushpinFilled />} color="volcano">
                  置顶
                </Tag>
              )}
              <Typography.Text type="secondary">发往 {announcement.divisionName}</Typography.Text>
            </Space>
          </Flex>
          <Space wrap>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/announcements/${announcement.id}/edit`)}>
                编辑
              </Button>
            )}
            {announcement.allowedActions.includes('unschedule') && <Button onClick={() => run('unschedule')}>取消定时</Button>}
            {announcement.allowedActions.includes('withdraw') && (
              <Button danger onClick={() => run('withdraw')}>
                撤回
              </Button>
            )}
            {announcement.allowedActions.includes('publish') && (
              <Button type="primary" danger={announcement.type === 'hazard_alert'} onClick={() => run('publish')}>
                {announcement.status === 'scheduled' ? '立即发布' : announcement.publishAt ? '定时发布' : announcement.type === 'hazard_alert' ? '发布预警' : '发布'}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      {!announcement.canEdit && <Alert type="info" showIcon title="这条公告不在您可以发布的范围内，您可以查看，不能修改。" />}
      {announcement.alert && announcement.withdrawnAt && (
        <Alert
          type="info"
          showIcon
          title={`预警已撤回：已为 ${announcement.alert.queued} 位群众排队的微信消息中，${announcement.alert.cancelled} 条还没发出，已取消发送`}
        />
      )}
      {announcement.alert && announcement.publishedAt && !announcement.withdrawnAt && (
        <Alert
          type={announcement.alert.queuedAt ? 'warning' : 'info'}
          showIcon
          title={announcement.alert.queuedAt ? `已为 ${announcement.alert.queued} 位同意接收的群众排队发送微信消息` : '正在为范围内的群众排队发送微信消息'}
          description="消息按微信允许的速度陆续发出；首页置顶到失效时间为止。"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={showReceipts ? 12 : 16}>
          <Card title="正文">
            <RichTextView html={announcement.bodyHtml} />
          </Card>
        </Col>
        <Col xs={24} xl={showReceipts ? 12 : 8}>
          <Flex vertical gap={16}>
            {showReceipts && <ReceiptsCard announcementId={announcement.id} />}
            <Card title="公告信息">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'area', label: '发布范围', children: announcement.divisionName },
                  { key: 'publish', label: '发布时间', children: announcement.publishedAt ? formatDateTime(announcement.publishedAt) : announcement.publishAt ? `定时：${formatDateTime(announcement.publishAt)}` : '尚未发布' },
                  { key: 'expires', label: '失效时间', children: announcement.expiresAt ? formatDateTime(announcement.expiresAt) : '长期有效' },
                  ...(announcement.withdrawnAt ? [{ key: 'withdrawn', label: '撤回时间', children: formatDateTime(announcement.withdrawnAt) }] : []),
                  { key: 'by', label: '发布人', children: announcement.createdBy },
                  { key: 'updated', label: '最后修改', children: formatDateTime(announcement.updatedAt) },
                ]}
              />
            </Card>
            <Card title={`附件（${announcement.attachments.length}）`}>
              <AttachmentList attachments={announcement.attachments} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
