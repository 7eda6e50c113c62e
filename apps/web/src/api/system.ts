// The installation itself: which outside systems are sandboxes (the banner), and the clock check
// against the time servers (F-07, decision 0015) for staff.
import type { PlatformInfoView, TimeSourceView } from '@bidhall/contracts';
import { api } from './client.ts';
import type { UserKind } from './types.ts';

export type { PlatformInfoView, TimeSourceView };

/** Who reads the time source (the server's GET /api/v1/time/source roles); staff and admins also measure. */
export const TIME_READERS: readonly UserKind[] = ['staff', 'supervisor', 'auditor', 'admin'];
export const TIME_MEASURERS: readonly UserKind[] = ['staff', 'admin'];

export const systemApi = {
  platform: () => api.get<PlatformInfoView>('/platform'),
  timeSource: () => api.get<TimeSourceView>('/time/source'),
  measure: () => api.post<TimeSourceView>('/time/source/measure'),
};
