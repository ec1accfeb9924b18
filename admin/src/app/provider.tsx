import { useLayoutEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { configureApiClient, isApiError } from '@/lib/api-client';
import { clearSession, sessionQueryKey } from '@/lib/auth';

dayjs.locale('zh-cn');

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Retrying a 4xx only repeats the same answer; network blips and 5xx get one more try.
        retry: (failureCount, error) => failureCount < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Connects the framework-free API client to the toast outlet and the session cache. */
function ApiClientBridge() {
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();

  useLayoutEffect(() => {
    configureApiClient({
      onUnauthorized: (error) => {
        // The route guard sees the empty session and sends the user to sign in, keeping the target path.
        clearSession(queryClient);
        void message.warning({ content: error.message, key: 'session-ended' });
      },
      onPasswordChangeRequired: () => {
        // Refetching the session makes the route guard switch to the forced password change page.
        void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      },
      onUnexpectedError: (error) => {
        const suffix = error.requestId ? `（请求编号 ${error.requestId.slice(0, 8)}）` : '';
        void message.error({ content: `${error.message}${suffix}`, key: `${error.code}:${error.message}` });
      },
    });
  }, [message, queryClient]);

  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1d5fbf', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <ApiClientBridge />
          {children}
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
