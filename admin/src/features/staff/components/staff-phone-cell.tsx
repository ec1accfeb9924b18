import type { StaffUser } from '@anqian/shared';
import { RevealPhoneCell } from '@/components/reveal-phone-cell';
import { useRevealStaffPhone } from '@/features/staff/api/reveal-staff-phone';

export function StaffPhoneCell({ user }: { user: StaffUser }) {
  const reveal = useRevealStaffPhone();
  return (
    <RevealPhoneCell
      masked={user.phoneMasked}
      noPhone="—"
      owner={user.displayName}
      auditNote="查看行为会记入审计日志，请仅在工作需要时查看。"
      reveal={() => reveal.mutateAsync(user.id)}
      revealing={reveal.isPending}
    />
  );
}
