import { useMemo } from 'react';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import {
  calculateSubsidy,
  formatFen,
  subsidyPreviewHouseholds,
  type SubsidyEstimate,
  type SubsidyRuleSet,
} from '@anqian/shared';
import { SubsidyLinesTable } from '@/components/subsidy-lines-table';
import type { RuleSetCheck } from '@/features/subsidies/components/rule-set-values';

type Row = { label: string; estimate: SubsidyEstimate; savedTotalFen: number | null };

/** What the sample households would receive under the rules as typed, before anything is saved. */
export function SubsidyPreview({ check, saved }: { check: RuleSetCheck; saved: SubsidyRuleSet | null }) {
  const rows = useMemo((): Row[] | null => {
    if (!check.success) return null;
    const draft: SubsidyRuleSet = {
      ...check.body,
      id: saved?.id ?? 'preview',
      version: saved ? saved.version + 1 : 1,
      updatedAt: '',
    };
    return subsidyPreviewHouseholds(draft).map(({ label, input }) => ({
      label,
      estimate: calculateSubsidy(input, draft),
      savedTotalFen: saved ? calculateSubsidy(input, saved).totalFen : null,
    }));
  }, [check, saved]);

  return (
    <Card title="测算预览" size="small" extra={<Typography.Text type="secondary">按样例户即时计算，未保存</Typography.Text>}>
      {rows ? (
        <Flex vertical gap={20}>
          {rows.map((row) => (
            <section key={row.label} aria-label={row.label}>
              <Flex justify="space-between" align="flex-start" gap={12} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{row.label}</Typography.Text>
                <Flex vertical align="flex-end" style={{ flex: 'none' }}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {formatFen(row.estimate.totalFen)}
                  </Typography.Text>
                  {row.savedTotalFen !== null && <Change fen={row.estimate.totalFen - row.savedTotalFen} />}
                  {row.estimate.capApplied && <Tag color="orange">已按上限封顶</Tag>}
                </Flex>
              </Flex>
              <SubsidyLinesTable lines={row.estimate.lineItems} totalFen={row.estimate.totalFen} compact />
              {row.estimate.notes.map((note) => (
                <Typography.Text key={note} type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  · {note}
                </Typography.Text>
              ))}
            </section>
          ))}
        </Flex>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="补助标准还不完整或有误"
          description={
            <>
              改好后这里即时显示样例户的测算结果。还有 {check.errors.size} 处需要补全或修正，例如：
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {[...check.errors.values()].slice(0, 3).map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          }
        />
      )}
    </Card>
  );
}

function Change({ fen }: { fen: number }) {
  if (fen === 0) return <Typography.Text type="secondary">与已保存的相同</Typography.Text>;
  return <Typography.Text type={fen > 0 ? 'success' : 'danger'}>较已保存 {fen > 0 ? `+${formatFen(fen)}` : formatFen(fen)}</Typography.Text>;
}
