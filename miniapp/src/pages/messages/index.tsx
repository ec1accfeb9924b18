import { PageShell } from '@/app/page-shell';
import { EmptyState } from '@/components/empty-state';

export default function MessagesPage() {
  return (
    <PageShell>
      <EmptyState title='暂无消息' description='通知公告和对您咨询的答复会显示在这里。' />
    </PageShell>
  );
}
