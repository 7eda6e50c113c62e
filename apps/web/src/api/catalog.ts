import { api } from './client.ts';
import type { ServerTimeView } from '@bidhall/contracts';
import type { Region, TradingCategory, VersionedText } from './types.ts';

export const catalogApi = {
  time: () => api.get<ServerTimeView>('/time'),
  regions: () => api.get<Region[]>('/regions'),
  categories: () => api.get<TradingCategory[]>('/trading-categories'),
  registrationTexts: () => api.get<{ agreement: VersionedText; commitment: VersionedText }>('/registration/texts'),
};
