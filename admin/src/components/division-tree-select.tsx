import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { findDivision, type DivisionLevel, type DivisionNode } from '@anqian/shared';
import { useDivisions } from '@/lib/divisions';

const LEVEL_LABELS: Record<DivisionLevel, string> = { county: '县', township: '乡镇', village: '村（社区）' };

type TreeOption = {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
};

function toTreeOptions(node: DivisionNode, level: DivisionLevel | undefined): TreeOption {
  return {
    value: node.code,
    title: node.name,
    // Other levels stay visible so the user can navigate down to the level the role needs.
    disabled: level !== undefined && node.level !== level,
    children: node.children.map((child) => toTreeOptions(child, level)),
  };
}

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Only divisions of this level can be picked. */
  level?: DivisionLevel;
  /** Show only this division and what lies below it (the signed-in user's area). */
  rootCode?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
};

export function DivisionTreeSelect({ id, value, onChange, level, rootCode, placeholder, allowClear, style }: Props) {
  const divisions = useDivisions();
  const root = useMemo(
    () => (divisions.data && rootCode ? findDivision(divisions.data, rootCode) : divisions.data),
    [divisions.data, rootCode],
  );
  const treeData = useMemo(() => (root ? [toTreeOptions(root, level)] : []), [root, level]);

  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={divisions.isLoading}
      status={divisions.isError ? 'error' : undefined}
      placeholder={divisions.isError ? '区划加载失败，请刷新重试' : (placeholder ?? (level ? `请选择${LEVEL_LABELS[level]}` : '请选择区划'))}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={root ? [root.code] : []}
      notFoundContent={divisions.isLoading ? '加载中…' : '没有匹配的区划'}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
