// The staff view of the exchange outbox (exchange module): messages to the public service platform
// and the national designated media, and the retry of an undelivered one.
import type { OutboxDestination, OutboxMessageView, OutboxPage, OutboxStatus } from '@bidhall/contracts';
import { api } from '../../api/client.ts';

export type { OutboxDestination, OutboxMessageView, OutboxPage, OutboxStatus };

export const DESTINATIONS: readonly OutboxDestination[] = ['publicService', 'designatedMedia', 'supervision'];
export const STATUSES: readonly OutboxStatus[] = ['pending', 'retrying', 'delivered', 'failed'];

/** GET /api/v1/exchange/outbox: newest first, paged by `cursor`. */
export interface OutboxFilter {
  destination?: OutboxDestination;
  status?: OutboxStatus;
  kind?: string;
  subjectId?: string;
  limit?: number;
  cursor?: string;
}

export const exchangeApi = {
  outbox: (filter: OutboxFilter) => api.get<OutboxPage>('/exchange/outbox', { ...filter }),
  /** Sends the message again at once; the answer is its state after that attempt. */
  retry: (id: string) => api.post<OutboxMessageView>(`/exchange/outbox/${encodeURIComponent(id)}/retry`),
};
