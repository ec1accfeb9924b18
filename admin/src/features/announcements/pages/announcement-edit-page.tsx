import { App, Button, Card, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { CreateAnnouncementBody, StaffAnnouncementDetail } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { FullPageSpin } from '@/components/full-page-spin';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAnnouncement } from '@/features/announcements/api/get-announcement';
import { useCreateAnnouncement, useUpdateAnnouncement } from '@/features/announcements/api/save-announcement';
import { AnnouncementForm, announcementChanges } from '@/features/announcements/components/announcement-form';

export function CreateAnnouncementPage() {
  useDocumentTitle('新建通知公告');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateAnnouncement();

  const submit = (body: CreateAnnouncementBody, onError: (error: unknown) => void) =>
    create.mutate(body, {
      onSuccess: (announcement) => {
        void message.success('已保存为草稿，确认无误后可以发布');
        void navigate(`/announcements/${announcement.id}`, { replace: true });
      },
      onError,
    });

  return (
    <Card title="新建通知公告">
      <AnnouncementForm announcement={null} saving={create.isPending} onSubmit={submit} onCancel={() => void navigate('/announcements')} />
    </Card>
  );
}

export function EditAnnouncementPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const announcement = useAnnouncement(id);
  useDocumentTitle(announcement.data ? `编辑：${announcement.data.title}` : '编辑通知公告');

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
  const detail = announcement.data;
  if (!detail.canEdit || !(detail.status === 'draft' || detail.status === 'scheduled')) {
    return (
      <Result
        status="403"
        title="这条公告不能修改"
        subTitle={detail.canEdit ? '已发布的公告不能修改，如有错误请撤回后重新发布。' : '这条公告不在您可以发布的范围内，只能查看。'}
        extra={
          <Button type="primary" onClick={() => void navigate(`/announcements/${id}`)}>
            查看公告
          </Button>
        }
      />
    );
  }
  return <EditForm announcement={detail} />;
}

function EditForm({ announcement }: { announcement: StaffAnnouncementDetail }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const update = useUpdateAnnouncement();
  const back = () => void navigate(`/announcements/${announcement.id}`);

  const submit = (body: CreateAnnouncementBody, onError: (error: unknown) => void) => {
    const changes = announcementChanges(announcement, body);
    if (Object.keys(changes).length === 0) {
      void message.info('没有修改任何内容');
      back();
      return;
    }
    update.mutate(
      { id: announcement.id, body: changes },
      {
        onSuccess: () => {
          void message.success('已保存');
          back();
        },
        onError,
      },
    );
  };

  return (
    <Card title={`编辑通知公告：${announcement.title}`}>
      <AnnouncementForm announcement={announcement} saving={update.isPending} onSubmit={submit} onCancel={back} />
    </Card>
  );
}
