import { useState } from 'react';
import { App, Button, Empty, Flex, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { REGISTRATION_STATUS_LABELS, type StaffCourse } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { useAreaHouseholds, useAreaMembers, useProxyApply } from '@/features/training/api/proxy-apply';

/** 代报名: township staff and cadres pick a verified household of their area, then the member to apply for. */
export function ProxyApplyModal({ course, open, onClose }: { course: StaffCourse; open: boolean; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [registrationId, setRegistrationId] = useState<string>();
  const households = useAreaHouseholds(q);
  const members = useAreaMembers(course.id, registrationId);
  const apply = useProxyApply(course.id);
  const { message } = App.useApp();

  return (
    <Modal open={open} title={`代报名：${course.title}`} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">只能为本辖区已核实的搬迁登记里的家庭成员报名，报名记录会注明由您代报。</Typography.Text>
        <Input.Search aria-label="查找户主" placeholder="户主姓名或身份证号后 4 位" allowClear enterButton="查找" onSearch={(value) => { setQ(value.trim()); setRegistrationId(undefined); }} />
        <Select
          aria-label="选择家庭"
          placeholder="选择家庭"
          value={registrationId}
          onChange={setRegistrationId}
          loading={households.isFetching}
          options={(households.data?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.headName}（${item.headIdNumberMasked}，${item.villageName}，${REGISTRATION_STATUS_LABELS[item.status]}）`,
          }))}
          notFoundContent="本辖区没有找到这户"
        />
        <ErrorAlert error={members.error ?? apply.error} title="没有报上名" />
        {registrationId && (
          <List
            loading={members.isFetching}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这份登记还没有核实，暂时不能代报名" /> }}
            dataSource={members.data?.items ?? []}
            renderItem={(member) => (
              <List.Item
                actions={[
                  member.applicationId ? (
                    <Tag key="done" color="green">已报名</Tag>
                  ) : (
                    <Button
                      key="apply"
                      type="primary"
                      size="small"
                      disabled={!member.eligible}
                      loading={apply.isPending && apply.variables?.memberKey === member.memberKey}
                      onClick={() => apply.mutate({ registrationId, memberKey: member.memberKey }, { onSuccess: (result) => void message.success(`已为${result.name}报名（${result.statusLabel}）`) })}
                    >
                      报名
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={<Flex gap={8}>{member.name}{member.priority && <Tag color="magenta">搬迁户优先</Tag>}</Flex>}
                  description={member.eligible ? `${member.relation} · ${member.age} 岁` : member.reason}
                />
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Modal>
  );
}
