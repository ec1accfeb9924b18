import { useState } from 'react';
import { Button, Flex, Select } from 'antd';
import type { StaffRequestDetail } from '@anqian/shared';
import { useAssignees } from '@/features/resident-requests/api/list-assignees';

type Props = {
  request: StaffRequestDetail;
  pending: boolean;
  onAssign: (staffId: string) => void;
};

/** Pick a colleague of the handling office; the list loads when the picker opens. */
export function AssignControl({ request, pending, onAssign }: Props) {
  const [opened, setOpened] = useState(false);
  const [staffId, setStaffId] = useState<string | undefined>();
  const assignees = useAssignees(request.id, opened);
  return (
    <Flex gap={8}>
      <Select
        aria-label="分派给"
        placeholder={request.assignee ? `现由 ${request.assignee.name} 办理，改派给…` : '分派给同事'}
        style={{ width: 280 }}
        loading={assignees.isFetching}
        onOpenChange={(open) => open && setOpened(true)}
        options={(assignees.data ?? []).filter((user) => user.id !== request.assignee?.id).map((user) => ({ value: user.id, label: user.displayName }))}
        value={staffId}
        onChange={setStaffId}
        notFoundContent={assignees.isFetching ? '加载中…' : '没有可分派的同事'}
      />
      <Button
        disabled={!staffId}
        loading={pending}
        onClick={() => {
          if (staffId) onAssign(staffId);
          setStaffId(undefined);
        }}
      >
        分派
      </Button>
    </Flex>
  );
}
