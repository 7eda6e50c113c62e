import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { notificationsApi } from '../api/notifications.ts';
import type { MessageView } from '../api/types.ts';
import { useSession } from './SessionContext.tsx';

const POLL_MS = 60_000;

interface NotificationsState {
  items: MessageView[];
  unread: number;
  loading: boolean;
  reload: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
}

const NotificationsContext = createContext<NotificationsState | null>(null);

/** The user's messages, shared by the header badge and the workspace list so both stay in step. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [items, setItems] = useState<MessageView[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const result = await notificationsApi.list();
      setItems(result.items);
      setUnread(result.unread);
    } catch {
      // the badge is not worth an error message; the next poll retries
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!user) {
      setItems([]);
      setUnread(0);
      return;
    }
    void reload();
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [user, reload]);

  const markRead = useCallback(
    async (id: string) => {
      await notificationsApi.markRead(id);
      await reload();
    },
    [reload],
  );

  const value = useMemo(() => ({ items, unread, loading, reload, markRead }), [items, unread, loading, reload, markRead]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsState {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}
