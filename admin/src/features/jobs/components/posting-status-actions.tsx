import { App, Button, Popconfirm } from 'antd';
import type { JobPostingSummary } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { useChangePostingStatus } from '@/features/jobs/api/change-posting-status';

/** 发布 for a draft, 结束招聘 for an open posting, each after a confirmation. */
export function PostingStatusActions({ posting, size }: { posting: Pick<JobPostingSummary, 'id' | 'title' | 'status'>; size?: 'small' }) {
  const { message, modal } = App.useApp();
  const change = useChangePostingStatus();
  const run = (action: 'publish' | 'close') =>
    change.mutateAsync({ id: posting.id, action }).then(
      () => void message.success(action === 'publish' ? '岗位已发布，群众在小程序“找工作”里可以看到' : '已结束招聘'),
      (error: unknown) => {
        // A text WeChat refused, or a closing date now past: say which field, and where to fix it.
        if (isApiError(error, 'VALIDATION_FAILED')) {
          modal.error({ title: '岗位未能发布', content: error.details.map((detail) => detail.message).join('\n') || error.message });
        } else if (isApiError(error)) {
          modal.error({ title: '岗位未能发布', content: error.message });
        }
      },
    );
  if (posting.status === 'draft') {
    return (
      <Popconfirm title={`发布“${posting.title}”？`} description="发布前所有文字会经过微信内容安全检测。发布后群众即可看到并投递。" onConfirm={() => run('publish')}>
        <Button type={size ? 'link' : 'primary'} size={size} loading={change.isPending}>
          发布
        </Button>
      </Popconfirm>
    );
  }
  if (posting.status === 'published') {
    return (
      <Popconfirm title={`结束“${posting.title}”的招聘？`} description="结束后群众不能再投递，已收到的投递仍可处理。" onConfirm={() => run('close')}>
        <Button size={size} type={size ? 'link' : 'default'} danger loading={change.isPending}>
          结束招聘
        </Button>
      </Popconfirm>
    );
  }
  return null;
}
