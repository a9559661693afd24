import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api, ok, type Schemas, tokenStore, whenSignedOut } from '../api/client';

export type Me = Schemas['MeDto'];

interface Session {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user (GET /auth/me with the token kept for this browser tab), and signing in and out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(tokenStore.get());
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: () => ok(api.GET('/api/v1/auth/me')),
    enabled: token !== null,
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => {
    whenSignedOut(() => {
      setToken(null);
      queryClient.clear();
    });
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({
      me: token ? (me.data ?? null) : null,
      loading: token !== null && me.isPending,
      async signIn(username, password) {
        const result = await ok(api.POST('/api/v1/auth/login', { body: { username, password } }));
        tokenStore.set(result.token);
        queryClient.setQueryData(['me', result.token], result.user);
        setToken(result.token);
        return result.user;
      },
      async signOut() {
        await api.POST('/api/v1/auth/logout').catch(() => undefined);
        tokenStore.clear();
        setToken(null);
        queryClient.clear();
      },
    }),
    [token, me.data, me.isPending, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only used inside screens that require one. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('no user');
  return me;
}
