import { api } from './client.ts';
import type { LoginResponse, SessionUser } from './types.ts';

export const authApi = {
  login: (username: string, password: string) => api.post<LoginResponse>('/auth/login', { username, password }),
  totp: (code: string) => api.post<SessionUser>('/auth/totp', { code }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  /** Public: the logged-in user or null, so an anonymous visit does not end in a 401. */
  session: () => api.get<{ user: SessionUser | null }>('/session'),
};
