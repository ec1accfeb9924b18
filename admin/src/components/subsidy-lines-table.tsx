import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatFen, type SubsidyLineItem } from '@anqian/shared';

const nameColumn: TableColumnsType<SubsidyLineItem>[number] = {
  title: '项目',
  dataIndex: 'name',
  render: (name: string, line) => (
    <>
      {name}
      {line.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {line.note}
        </Typography.Text>
      )}
    </>
  ),
};

const subtotalColumn: TableColumnsType<SubsidyLineItem>[number] = {
  title: '小计',
  dataIndex: 'subtotalFen',
  width: 140,
  align: 'right',
  render: (fen: number) => <Typography.Text type={fen < 0 ? 'danger' : undefined}>{formatFen(fen)}</Typography.Text>,
};

const columns: TableColumnsType<SubsidyLineItem> = [
  nameColumn,
  { title: '数量', key: 'quantity', width: 100, align: 'right', render: (_value, line) => `${line.quantity} ${line.unit}` },
  { title: '单价', dataIndex: 'unitAmountFen', width: 130, align: 'right', render: (fen: number) => formatFen(fen) },
  subtotalColumn,
  {
    title: '依据',
    dataIndex: 'source',
    width: 200,
    render: (source: string, line) => <Link to={`/policies/${line.policyId}`}>{source}</Link>,
  },
];

/** For narrow places (the rule-set editor's preview): quantity × unit amount in one column, no source. */
const compactColumns: TableColumnsType<SubsidyLineItem> = [
  nameColumn,
  {
    title: '计算',
    key: 'calculation',
    render: (_value, line) => (line.key.endsWith('_cap') ? '封顶扣减' : `${line.quantity} ${line.unit} × ${formatFen(line.unitAmountFen)}`),
  },
  subtotalColumn,
];

type Props = { lines: SubsidyLineItem[]; totalFen: number; compact?: boolean };

/** The itemised lines of a subsidy estimate or of amounts fixed at approval, with their total. */
export function SubsidyLinesTable({ lines, totalFen, compact }: Props) {
  const shown = compact ? compactColumns : columns;
  const totalIndex = shown.indexOf(subtotalColumn);
  return (
    <Table<SubsidyLineItem>
      rowKey="key"
      size="small"
      columns={shown}
      dataSource={lines}
      pagination={false}
      scroll={compact ? undefined : { x: 640 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={totalIndex}>
            <Typography.Text strong>合计</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={totalIndex} align="right">
            <Typography.Text strong>{formatFen(totalFen)}</Typography.Text>
          </Table.Summary.Cell>
          {!compact && <Table.Summary.Cell index={totalIndex + 1} />}
        </Table.Summary.Row>
      )}
    />
  );
}
