import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, StaffRole, StaffSession } from '@anqian/shared';
import { api, isApiError, setCsrfToken } from '@/lib/api-client';

export const sessionQueryKey = ['auth', 'session'] as const;

/** Null means "not signed in"; any other failure (network, 500) surfaces as a query error. */
async function fetchSession(): Promise<StaffSession | null> {
  try {
    const session = await api.get<StaffSession>('/auth/me', { skipAuthRedirect: true, expected: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: true,
  });
}

/** For components rendered only inside the signed-in shell. */
export function useCurrentSession(): StaffSession {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside a signed-in route');
  return data;
}

export function storeSession(queryClient: QueryClient, session: StaffSession | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Drops the session and every cached staff-only response, so the next user starts clean. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<StaffSession>('/auth/login', body, { skipAuthRedirect: true, expected: true }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      storeSession(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout', undefined, { skipAuthRedirect: true, expected: true }),
    // Signing out locally must work even when the server is unreachable or the session already expired.
    onSettled: () => clearSession(queryClient),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api.post<StaffSession>('/auth/change-password', body, {
        expected: ['VALIDATION_FAILED', 'CURRENT_PASSWORD_WRONG', 'PASSWORD_REUSED'],
      }),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

export function hasRole(session: StaffSession | null | undefined, roles: readonly StaffRole[]): boolean {
  return !!session && roles.includes(session.user.role);
}

/**
 * Where to go after signing in. Only same-app paths are accepted, so a crafted link cannot send a
 * freshly signed-in user to another site.
 */
export function safeRedirectTarget(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login') || raw.startsWith('/change-password')) return '/';
  return raw;
}
