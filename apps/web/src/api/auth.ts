import { api } from './client.ts';
import type { LoginResponse, SessionUser } from './types.ts';

export const authApi = {
  login: (username: string, password: string) => api.post<LoginResponse>('/auth/login', { username, password }),
  totp: (code: string) => api.post<SessionUser>('/auth/totp', { code }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  me: () => api.get<SessionUser>('/me'),
};
