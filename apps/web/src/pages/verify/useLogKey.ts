import { keyId, publicKeyFromPem } from '@bidhall/crypto/browser';
import { useMemo, useState } from 'react';
import { logApi } from '../../api/log.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { reasonOf } from '../../trust/checks.ts';

export interface LogKeyState {
  /** The PEM every check trusts: the user's own, else the one the platform serves. */
  pem: string | undefined;
  keyId: string | undefined;
  /** Why the PEM cannot be read. */
  invalid: string | undefined;
  custom: boolean;
  loading: boolean;
  error: unknown;
  setCustom: (pem: string | undefined) => void;
  reload: () => Promise<void>;
}

/** The trust anchor of the verify page: GET /log/key, or a key the user pastes instead. */
export function useLogKey(): LogKeyState {
  const platform = useLoader(() => logApi.key(), []);
  const [custom, setCustom] = useState<string>();
  const pem = custom ?? platform.data?.publicKeyPem;
  const parsed = useMemo(() => {
    if (!pem) return {};
    try {
      return { keyId: keyId(publicKeyFromPem(pem)) };
    } catch (err) {
      return { invalid: reasonOf(err) };
    }
  }, [pem]);
  return {
    pem,
    keyId: parsed.keyId,
    invalid: parsed.invalid,
    custom: custom !== undefined,
    loading: platform.loading,
    error: platform.error,
    setCustom,
    reload: platform.reload,
  };
}
