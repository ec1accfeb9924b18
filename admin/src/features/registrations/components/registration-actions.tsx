import { useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ERRORS, type RegistrationDetail } from '@anqian/shared';
import { AcceptModal } from '@/features/registrations/components/accept-modal';
import { ApproveModal } from '@/features/registrations/components/approve-modal';
import { ReasonModal, type ReasonAction } from '@/features/registrations/components/reason-modal';
import { VerifyModal } from '@/features/registrations/components/verify-modal';

type Dialog = 'accept' | 'verify' | 'approve' | ReasonAction;

/**
 * Why the county cannot approve yet, from what the server worked out by its own calendar (the
 * same rule its approval enforces), or null when it can.
 */
export function approvalHold({ approvalBlocker, approvableFrom }: RegistrationDetail): string | null {
  if (!approvalBlocker) return null;
  if (!approvableFrom) return '这一户在公示中的时间不足规定的公示期，需要重新公示后才能审批';
  if (approvalBlocker === 'NOTICE_PERIOD_NOT_ENDED') return `公示期内不能审批，${approvableFrom} 起可以审批`;
  return ERRORS[approvalBlocker].message;
}

/** Only the actions the server lists for this user and this status. */
export function RegistrationActions({ registration }: { registration: RegistrationDetail }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const navigate = useNavigate();
  const allowed = new Set(registration.allowedActions);
  const close = () => setDialog(null);
  const { id, headName } = registration;
  const hold = approvalHold(registration);

  if (allowed.size === 0) return null;

  return (
    <Flex vertical gap={8}>
      <Space wrap>
        {allowed.has('accept') && (
          <Button type="primary" onClick={() => setDialog('accept')}>
            受理
          </Button>
        )}
        {allowed.has('verify') && (
          <Button type="primary" onClick={() => setDialog('verify')}>
            入户核实
          </Button>
        )}
        {allowed.has('publicize') && (
          <Button type="primary" onClick={() => void navigate(`/public-notices/new?registrationId=${encodeURIComponent(id)}`)}>
            发起公示
          </Button>
        )}
        {allowed.has('approve') && (
          <Button type="primary" disabled={hold !== null} onClick={() => setDialog('approve')}>
            审批通过
          </Button>
        )}
        {allowed.has('return') && <Button onClick={() => setDialog('return')}>退回补正</Button>}
        {allowed.has('reject') && (
          <Button danger onClick={() => setDialog('reject')}>
            不予通过
          </Button>
        )}
      </Space>
      {allowed.has('approve') && hold && (
        <Typography.Text type="warning" role="status">
          {hold}
        </Typography.Text>
      )}
      {!registration.correctable && (
        <Typography.Text type="secondary">台账导入的登记没有群众账号，不能退回补正；信息有误时请县级管理员不予通过，改正台账后重新导入这一户。</Typography.Text>
      )}
      <AcceptModal registrationId={id} headName={headName} open={dialog === 'accept'} onClose={close} />
      <VerifyModal registrationId={id} headName={headName} open={dialog === 'verify'} onClose={close} />
      <ApproveModal registration={registration} open={dialog === 'approve'} onClose={close} />
      <ReasonModal
        registrationId={id}
        headName={headName}
        action={dialog === 'return' || dialog === 'reject' ? dialog : null}
        onClose={close}
      />
    </Flex>
  );
}
