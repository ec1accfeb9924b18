import { PageShell } from '@/app/page-shell';
import { EmptyState } from '@/components/empty-state';

export default function ServicesPage() {
  return (
    <PageShell>
      <EmptyState title='暂无办理事项' description='登记搬迁意愿、报名培训后，办理进度会显示在这里。' />
    </PageShell>
  );
}
