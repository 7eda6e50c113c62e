import { api } from './client.ts';
import type { Region, ServerTime, TradingCategory, VersionedText } from './types.ts';

export const catalogApi = {
  time: () => api.get<ServerTime>('/time'),
  regions: () => api.get<Region[]>('/regions'),
  categories: () => api.get<TradingCategory[]>('/trading-categories'),
  registrationTexts: () => api.get<{ agreement: VersionedText; commitment: VersionedText }>('/registration/texts'),
};
