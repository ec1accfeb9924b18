import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { announcementLevelsFor, findDivision, type DivisionNode, type StaffRole } from '@anqian/shared';
import { useDivisions } from '@/lib/divisions';

type TreeOption = { value: string; title: string; disabled: boolean; children: TreeOption[] };

function toOptions(node: DivisionNode, levels: readonly string[]): TreeOption {
  return {
    value: node.code,
    title: node.level === 'county' ? `${node.name}（全县）` : node.name,
    disabled: !levels.includes(node.level),
    children: node.children.map((child) => toOptions(child, levels)),
  };
}

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  role: StaffRole;
  /** The caller's own division: nothing outside it is offered. */
  rootCode: string;
  disabled?: boolean;
};

/** The area an announcement goes to, from the caller's own division down, at the levels the role publishes to. */
export function AreaSelect({ id, value, onChange, role, rootCode, disabled }: Props) {
  const divisions = useDivisions();
  const treeData = useMemo(() => {
    const root = divisions.data ? findDivision(divisions.data, rootCode) : undefined;
    if (!root) return [];
    // hr_staff publish county-wide only: the townships are not shown at all.
    const levels = announcementLevelsFor(role);
    return [toOptions(levels.length === 1 && levels[0] === 'county' ? { ...root, children: [] } : root, levels)];
  }, [divisions.data, rootCode, role]);

  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      treeData={treeData}
      disabled={disabled}
      loading={divisions.isLoading}
      status={divisions.isError ? 'error' : undefined}
      placeholder={divisions.isError ? '区划加载失败，请刷新重试' : '请选择发布范围'}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={[rootCode]}
      popupMatchSelectWidth={false}
    />
  );
}
