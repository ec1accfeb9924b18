import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import {
  HAZARD_TYPE_LABELS,
  HOUSE_STRUCTURE_LABELS,
  RELATION_LABELS,
  SPECIAL_STATUS_LABELS,
  WORK_ABILITY_LABELS,
  type PresentedHousehold,
  type PresentedPerson,
  type RevealedHousehold,
  type SpecialStatus,
} from '@anqian/shared';
import { useRevealHousehold } from '@/features/registrations/api/reveal-household';
import { PhotoGallery } from '@/features/registrations/components/photo-gallery';

/** The head leads the member table, so the whole household reads as one list. */
type Member = PresentedPerson & { key: number; relation: PresentedHousehold['members'][number]['relation'] | 'head' };

const GENDER_LABELS = { male: '男', female: '女' } as const;

function SpecialStatusTags({ statuses }: { statuses: SpecialStatus[] }) {
  if (statuses.length === 0) return <>—</>;
  return (
    <>
      {statuses.map((status) => (
        <Tag key={status} color="volcano">
          {SPECIAL_STATUS_LABELS[status]}
        </Tag>
      ))}
    </>
  );
}

type Props = {
  registrationId: string;
  household: PresentedHousehold;
  /** Township and county staff may see the full values; each reveal is audited. */
  canReveal: boolean;
};

export function HouseholdSection({ registrationId, household, canReveal }: Props) {
  const reveal = useRevealHousehold();
  const [revealed, setRevealed] = useState<RevealedHousehold | null>(null);
  const { head } = household;
  const members: Member[] = [{ ...head, relation: 'head' as const }, ...household.members].map((person, key) => ({ ...person, key }));

  const memberColumns: TableColumnsType<Member> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    {
      title: '与户主关系',
      dataIndex: 'relation',
      width: 110,
      render: (relation: Member['relation']) => (relation === 'head' ? <Tag color="blue">户主</Tag> : RELATION_LABELS[relation]),
    },
    {
      title: '身份证号',
      key: 'idNumber',
      width: 200,
      render: (_value, member) =>
        (member.key === 0 ? revealed?.head.idNumber : revealed?.members[member.key - 1]?.idNumber) ?? member.idNumberMasked,
    },
    { title: '性别', dataIndex: 'gender', width: 70, render: (gender: Member['gender']) => GENDER_LABELS[gender] },
    { title: '年龄', dataIndex: 'age', width: 70, align: 'right' },
    { title: '劳动能力', dataIndex: 'workAbility', width: 110, render: (ability: Member['workAbility']) => WORK_ABILITY_LABELS[ability] },
    { title: '特殊情况', dataIndex: 'specialStatus', render: (statuses: SpecialStatus[]) => <SpecialStatusTags statuses={statuses} /> },
  ];

  const revealButton = !canReveal ? null : revealed ? (
    <Button icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
      隐藏完整信息
    </Button>
  ) : (
    <Popconfirm
      title="显示完整身份证号和手机号？"
      description="查看行为会记入审计日志，请仅在工作需要时查看。"
      okText="显示"
      cancelText="取消"
      onConfirm={() =>
        reveal
          .mutateAsync(registrationId)
          .then(setRevealed)
          // The API client has already shown the failure.
          .catch(() => undefined)
      }
    >
      <Button icon={<EyeOutlined />} loading={reveal.isPending}>
        显示完整信息
      </Button>
    </Popconfirm>
  );

  return (
    <Card title="家庭档案" extra={revealButton}>
      <Flex vertical gap={20}>
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'head', label: '户主', children: head.name },
            { key: 'phone', label: '联系电话', children: revealed?.head.phone ?? head.phoneMasked },
            { key: 'village', label: '所在村', children: `${household.townshipName} ${household.villageName}` },
            { key: 'address', label: '住址', children: household.address },
            {
              key: 'hazard',
              label: '隐患类型',
              children: (
                <Space size={4}>
                  {HAZARD_TYPE_LABELS[household.hazard.type]}
                  {household.hazard.pointNumber && <Typography.Text type="secondary">（隐患点 {household.hazard.pointNumber}）</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'house',
              label: '房屋情况',
              children: `${HOUSE_STRUCTURE_LABELS[household.house.structure]}，${household.house.floorArea} 平方米，${household.house.yearBuilt} 年建`,
            },
          ]}
        />
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            家庭成员（{members.length} 人）
          </Typography.Title>
          <Table<Member>
            size="small"
            rowKey="key"
            columns={memberColumns}
            dataSource={members}
            pagination={false}
          />
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            房屋照片
          </Typography.Title>
          <PhotoGallery photos={household.photos} label="房屋照片" />
        </div>
      </Flex>
    </Card>
  );
}
