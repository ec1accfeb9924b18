import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { DivisionLevel, DivisionNode } from '@anqian/shared';
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
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
};

export function DivisionTreeSelect({ id, value, onChange, level, placeholder, allowClear, style }: Props) {
  const divisions = useDivisions();
  const treeData = useMemo(() => (divisions.data ? [toTreeOptions(divisions.data, level)] : []), [divisions.data, level]);

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
      treeDefaultExpandedKeys={divisions.data ? [divisions.data.code] : []}
      notFoundContent={divisions.isLoading ? '加载中…' : '没有匹配的区划'}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
