import { Alert } from 'antd';
import { isApiError } from '@/lib/api-client';

/** A failed write shown where it happened (inside its dialog), in the server's own words. */
export function ErrorAlert({ error, title = '操作未完成' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = isApiError(error) ? error.message : '出现了意外错误，请稍后再试';
  const requestId = isApiError(error) ? error.requestId : undefined;
  const details = isApiError(error) ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        <>
          {message}
          {details.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {details.map((detail) => (
                <li key={`${detail.field}:${detail.message}`}>{detail.message}</li>
              ))}
            </ul>
          )}
          {requestId && <div style={{ fontSize: 12 }}>请求编号：{requestId}</div>}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
