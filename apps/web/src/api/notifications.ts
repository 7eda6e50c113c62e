import { api } from './client.ts';
import type { MessageView } from './types.ts';

export const notificationsApi = {
  list: (limit = 50) => api.get<{ items: MessageView[]; unread: number }>('/notifications', { limit }),
  markRead: (id: string) => api.post<{ ok: true }>(`/notifications/${id}/read`),
};
