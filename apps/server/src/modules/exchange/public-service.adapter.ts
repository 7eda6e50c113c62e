import { publicServiceAck, type PublicServiceAck, type PublicServiceMessage } from '@bidhall/contracts';
import { EXCHANGE_TIMEOUT_MS, type Endpoint } from './http-endpoint.ts';

/**
 * A receiver the outbox delivers to: the public service platform (公共服务平台) or the national
 * designated media (指定媒介), which speak the same protocol.
 */
export interface PublicServicePlatform {
  /** Delivers one message; resolves with the receiver's acknowledgement, throws when not accepted. */
  push(message: PublicServiceMessage): Promise<PublicServiceAck>;
}

/** How a receiver is named when it is not configured. */
export interface ReceiverLabel {
  name: string;
  variable: string;
}

export const PUBLIC_SERVICE_LABEL: ReceiverLabel = { name: 'public service platform', variable: 'PUBLIC_SERVICE_URL' };
export const DESIGNATED_MEDIA_LABEL: ReceiverLabel = { name: 'designated media', variable: 'DESIGNATED_MEDIA_URL' };
export const SUPERVISION_LABEL: ReceiverLabel = { name: 'administrative supervision platform', variable: 'SUPERVISION_URL' };

/** HTTP adapter: POST {base URL}/messages with the envelope as JSON. */
export function createPublicServicePlatform(endpoint: Endpoint | null, label: ReceiverLabel = PUBLIC_SERVICE_LABEL): PublicServicePlatform {
  return {
    async push(message) {
      if (!endpoint) throw new Error(`no ${label.name} is configured (${label.variable})`);
      const res = await endpoint.fetch(`${endpoint.baseUrl}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': message.messageId },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error('the acknowledgement is not JSON');
      }
      const ack = publicServiceAck.safeParse(body);
      if (!ack.success) throw new Error('the acknowledgement is malformed');
      // The receiver states the hash of what it got: anything else means the content changed on the way.
      if (ack.data.messageId !== message.messageId || ack.data.contentSm3 !== message.contentSm3) {
        throw new Error(`the acknowledgement names other content (${ack.data.contentSm3})`);
      }
      return ack.data;
    },
  };
}
