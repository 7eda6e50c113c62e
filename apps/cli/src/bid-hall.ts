/**
 * The bidder's side of the remote opening hall from the command line (issue 11 §2): sign in and unseal
 * on the bidder's machine. Each content key is unwrapped here with the bidder's own key and sent
 * wrapped to the platform's opening key; the private key never leaves this machine.
 */
import type { HallView, UnsealKit } from '@bidhall/contracts';
import { gmSuite, publicKeyFromPem, toBase64, unwrapForBidder, type PartHeader, type PrivateKey } from '@bidhall/crypto';
import { sessionApi } from './bid-http.ts';
import { Refused, type Session } from './bid-workspace.ts';

/** The sitting's hall: bids at /hall, prequalification applications at /application-hall (decision 0023). */
export type HallSitting = 'bid' | 'application';
const hallPath = (sectionId: string, sitting: HallSitting) => `/api/v1/sections/${encodeURIComponent(sectionId)}/${sitting === 'application' ? 'application-hall' : 'hall'}`;

/** Signs in unless already signed in; the hall as it stands after. */
export async function signIn(session: Session, sectionId: string, sitting: HallSitting = 'bid'): Promise<HallView> {
  const api = sessionApi(session);
  const hall = await api.json<HallView>('GET', hallPath(sectionId, sitting));
  if (!hall.mine) throw new Refused(`your entity has no ${sitting === 'application' ? 'application' : 'bid'} in this hall`);
  if (hall.mine.signedIn) return hall;
  return api.json<HallView>('POST', `${hallPath(sectionId, sitting)}/sign-in`, {});
}

/** Unwraps each part's content key with `key` and sends it wrapped to the opening key. */
export async function unseal(session: Session, sectionId: string, key: PrivateKey, onPart?: (done: number, total: number) => void, sitting: HallSitting = 'bid'): Promise<HallView> {
  const api = sessionApi(session);
  const kit = await api.json<UnsealKit>('GET', `${hallPath(sectionId, sitting)}/unseal-kit`);
  const opening = publicKeyFromPem(kit.openingKeyPem);
  const keys: { partId: string; wrappedKey: string }[] = [];
  for (const part of kit.parts) {
    let contentKey: Uint8Array;
    try {
      contentKey = await unwrapForBidder(part.header as unknown as PartHeader, key);
    } catch {
      // Caught here, before anything is sent: a wrong key file is not recorded as 解密失败.
      throw new Refused(`part ${part.name} does not open with this key: is it the key of the certificate the bid was sealed with?`);
    }
    keys.push({ partId: part.partId, wrappedKey: toBase64(await gmSuite.wrapKey(opening, contentKey)) });
    onPart?.(keys.length, kit.parts.length);
  }
  return api.json<HallView>('POST', `${hallPath(sectionId, sitting)}/unseal`, { keys });
}
