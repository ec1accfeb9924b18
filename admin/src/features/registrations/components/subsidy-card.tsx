import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { NO_ESTIMATE_REASON_LABELS, type SubsidyEstimate } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { SubsidyLinesTable } from '@/components/subsidy-lines-table';
import { formatDateTime } from '@/lib/format';
import { useRegistrationSubsidy } from '@/features/registrations/api/get-registration-subsidy';

/** 补助测算: a live estimate until approval, then the amounts fixed on the registration. */
export function SubsidyCard({ registrationId, updatedAt }: { registrationId: string; updatedAt: string }) {
  const subsidy = useRegistrationSubsidy(registrationId, updatedAt);

  if (subsidy.isPending) {
    return (
      <Card title="补助测算">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (subsidy.isError) {
    return (
      <Card title="补助测算">
        <ErrorState error={subsidy.error} onRetry={() => void subsidy.refetch()} title="补助测算加载失败" />
      </Card>
    );
  }

  const result = subsidy.data;
  if (result.fixed) {
    const { snapshot } = result;
    return (
      <Card
        title="补助金额（已审批）"
        extra={
          <Tag icon={<LockOutlined />} color="success">
            已固定
          </Tag>
        }
      >
        <Flex vertical gap={12}>
          <Alert
            type="success"
            showIcon
            title={`审批时按“${snapshot.ruleSetName}”第 ${snapshot.ruleSetVersion} 版核定，${formatDateTime(snapshot.fixedAt)} 固定`}
            description="这些金额已记录在登记上，之后补助标准的任何修改都不会再改变它们。"
          />
          <EstimateLines estimate={snapshot} />
        </Flex>
      </Card>
    );
  }
  if (!result.estimate) {
    return (
      <Card title="补助测算">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={NO_ESTIMATE_REASON_LABELS[result.reason]} />
      </Card>
    );
  }
  const { estimate } = result;
  return (
    <Card title="补助测算" extra={<Tag color="blue">估算</Tag>}>
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'rules', label: '补助标准', children: `${estimate.ruleSetName}（第 ${estimate.ruleSetVersion} 版）` },
            { key: 'people', label: '计算人数', children: `${result.input.people.length} 人` },
          ]}
        />
        <EstimateLines estimate={estimate} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          按当前执行的补助标准和登记的家庭情况估算，审批时以当天执行的标准核定并固定。
          <Link to="/subsidy-rule-sets">查看补助标准</Link>
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function EstimateLines({ estimate }: { estimate: SubsidyEstimate }) {
  return (
    <Flex vertical gap={8}>
      <SubsidyLinesTable lines={estimate.lineItems} totalFen={estimate.totalFen} />
      {estimate.capApplied && <Typography.Text type="warning">合计已按每户补助上限封顶。</Typography.Text>}
      {estimate.notes.map((note) => (
        <Typography.Text key={note} type="secondary" style={{ fontSize: 12 }}>
          · {note}
        </Typography.Text>
      ))}
    </Flex>
  );
}
