import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import {
  formatFen,
  RESETTLEMENT_TYPE_LABELS,
  RESETTLEMENT_TYPES,
  SPECIAL_STATUS_LABELS,
  SPECIAL_STATUSES,
  type SubsidyRules,
} from '@anqian/shared';

type Item = { key: string; name: string; amount: string; policyId: string; source: string };

function items(rules: SubsidyRules): Item[] {
  const { housing, householdBase, specialStatus, demolition, earlyMove, householdCap } = rules;
  const list: Item[] = RESETTLEMENT_TYPES.map((type) => ({
    key: `housing.${type}`,
    name: `住房补助（${RESETTLEMENT_TYPE_LABELS[type]}）`,
    amount: `${formatFen(housing.perPersonFen[type])}/人`,
    policyId: housing.policyId,
    source: housing.source,
  }));
  if (householdBase) list.push({ key: 'householdBase', name: '每户基础补助', amount: `${formatFen(householdBase.amountFen)}/户`, ...householdBase });
  for (const status of SPECIAL_STATUSES) {
    const item = specialStatus[status];
    if (item) list.push({ key: status, name: `${SPECIAL_STATUS_LABELS[status]}人员补助`, amount: `${formatFen(item.perPersonFen)}/人`, ...item });
  }
  if (demolition) {
    list.push({
      key: 'demolition',
      name: '拆旧复垦奖励',
      amount: `${formatFen(demolition.perSquareMetreFen)}/平方米，最多 ${formatFen(demolition.capFen)}，${demolition.deadline} 前拆除`,
      ...demolition,
    });
  }
  if (earlyMove) list.push({ key: 'earlyMove', name: '提前搬迁奖励', amount: `${formatFen(earlyMove.amountFen)}/户，${earlyMove.deadline} 前搬迁`, ...earlyMove });
  if (householdCap) list.push({ key: 'householdCap', name: '每户补助上限', amount: formatFen(householdCap.capFen), ...householdCap });
  return list;
}

const columns: TableColumnsType<Item> = [
  { title: '项目', dataIndex: 'name', width: 180 },
  { title: '标准', dataIndex: 'amount' },
  { title: '依据', dataIndex: 'source', width: 220, render: (source: string, item) => <Link to={`/policies/${item.policyId}`}>{source}</Link> },
];

/** A rule set's items, read-only: how an earlier version read. */
export function RuleSetItems({ rules }: { rules: SubsidyRules }) {
  return <Table<Item> rowKey="key" size="small" columns={columns} dataSource={items(rules)} pagination={false} />;
}
