import { Button, Result } from 'antd';
import { isApiError } from '@/lib/api-client';

type Props = {
  error: unknown;
  onRetry: () => void;
  title?: string;
};

export function ErrorState({ error, onRetry, title = '加载失败' }: Props) {
  const message = isApiError(error) ? error.message : '出现了意外错误，请稍后再试';
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status="error"
      title={title}
      subTitle={
        <>
          {message}
          {requestId && <div style={{ marginTop: 4, fontSize: 12 }}>请求编号：{requestId}</div>}
        </>
      }
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
