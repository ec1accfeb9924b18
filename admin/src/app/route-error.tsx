import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';

/**
 * Shown when rendering a route throws, most often because a new deployment replaced the page chunk
 * this tab was about to load; reloading fetches the new one.
 */
export function RouteError() {
  const error = useRouteError();
  const chunkMissing = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Result
      status="error"
      title={chunkMissing ? '系统已更新' : '页面出错了'}
      subTitle={chunkMissing ? '管理后台刚刚发布了新版本，请刷新页面后继续。' : '页面显示时出现意外错误，请刷新后重试；如果反复出现，请联系技术支持。'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
