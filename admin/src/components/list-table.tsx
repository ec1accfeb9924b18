import { Button, Empty, Table, Typography, type TableProps } from 'antd';
import { ErrorState } from './error-state';

type ListQuery<T> = {
  data?: { items: T[]; total: number };
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
};

type ListParams = {
  page: number;
  pageSize: number;
  pageSizeOptions: readonly number[];
  hasFilters: boolean;
  setPagination: (page: number, pageSize: number) => void;
};

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
  query: ListQuery<T>;
  list: ListParams;
  errorTitle: string;
  /** Empty-state text when filters hide everything, and when there is nothing at all. */
  empty: { filtered: string; none: string };
  totalLabel: (total: number) => string;
};

/**
 * The table of a list page: a failed first load with retry, a failed refresh that keeps the old
 * rows, empty states, and pagination kept in the URL (through `useListParams`). A table with its
 * own `onChange` (e.g. sorting) handles pagination there.
 */
export function ListTable<T extends object>({ query, list, errorTitle, empty, totalLabel, ...table }: Props<T>) {
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} title={errorTitle} />;
  }
  return (
    <>
      {query.isError && (
        <Typography.Text type="danger">
          刷新失败，显示的是之前的结果。
          <Button type="link" size="small" onClick={() => void query.refetch()}>
            重试
          </Button>
        </Typography.Text>
      )}
      <Table<T>
        rowKey="id"
        {...table}
        dataSource={query.data?.items}
        loading={query.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.hasFilters ? empty.filtered : empty.none} /> }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: list.pageSizeOptions.map(String),
          showTotal: totalLabel,
          onChange: table.onChange ? undefined : list.setPagination,
        }}
      />
    </>
  );
}
