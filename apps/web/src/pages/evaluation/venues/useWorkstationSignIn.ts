import type { DeviceSignIn } from '@bidhall/contracts';
import { useCallback, useEffect, useState } from 'react';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { useEvaluationSitting } from '../sitting.ts';
import { type DeviceRecord, loadDevice, signSignIn } from './deviceKey.ts';

export interface WorkstationSignIn {
  /** This browser's registered workstation, or null (not registered, or no device key support). */
  workstation: DeviceRecord['workstation'];
  loading: boolean;
  /** Signs a nonce the caller already holds (the certificate signs the same one). */
  sign: (sectionId: string, nonce: string) => Promise<DeviceSignIn | undefined>;
  /** Asks for a fresh nonce and signs it: for a sign-in that carries only the device proof. */
  challengeAndSign: (sectionId: string) => Promise<{ nonce: string; device: DeviceSignIn | undefined }>;
}

/**
 * The device half of the evaluation sign-in: signs the server's nonce with this browser's
 * workstation key. Without a registered key it signs nothing, and the server answers whether the
 * evaluation needed one (WORKSTATION_REQUIRED). The nonce is the room's sitting's (decision 0032); the
 * signed message is the same in both.
 */
export function useWorkstationSignIn(): WorkstationSignIn {
  const sitting = useEvaluationSitting();
  const [device, setDevice] = useState<DeviceRecord | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    loadDevice()
      .then((d) => alive && setDevice(d))
      .catch(() => alive && setDevice(null))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, []);
  const sign = useCallback(async (sectionId: string, nonce: string) => (device?.workstation ? signSignIn(device, sectionId, nonce) : undefined), [device]);
  const challengeAndSign = useCallback(
    async (sectionId: string) => {
      const { nonce } = await venuesApi.challenge(sectionId, sitting);
      return { nonce, device: await sign(sectionId, nonce) };
    },
    [sign, sitting],
  );
  return { workstation: device?.workstation ?? null, loading, sign, challengeAndSign };
}
