import { deviceSignInMessage, type DeviceSignIn, type WorkstationPublicKey } from '@bidhall/contracts';

/**
 * This browser's workstation key (A-155, decision 0027). A browser cannot read a MAC address, so a
 * workstation is known by an ECDSA P-256 key made here with `extractable: false`: the private half never
 * leaves WebCrypto, IndexedDB keeps the CryptoKey object itself, and only the public half is registered.
 */
const DB_NAME = 'bidhall-workstation';
const STORE = 'device';
const KEY = 'current';

export interface DeviceRecord {
  keyPair: CryptoKeyPair;
  publicKey: WorkstationPublicKey;
  /** Set once the platform registered the key. */
  workstation: { id: string; venueId: string; venueName: string; label: string; thumbprint: string } | null;
}

export const deviceKeysSupported = () => typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && !!crypto.subtle;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'));
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = run(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'));
    });
  } finally {
    db.close();
  }
}

export async function loadDevice(): Promise<DeviceRecord | null> {
  if (!deviceKeysSupported()) return null;
  return ((await tx('readonly', (s) => s.get(KEY))) as DeviceRecord | undefined) ?? null;
}

export async function saveDevice(record: DeviceRecord): Promise<void> {
  await tx('readwrite', (s) => s.put(record, KEY));
}

/** A new key pair whose private half cannot be exported, with its public half as the platform takes it. */
export async function generateDevice(): Promise<DeviceRecord> {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', keyPair.publicKey);
  if (!jwk.x || !jwk.y) throw new Error('the browser exported no public key');
  return { keyPair, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, workstation: null };
}

const base64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The sign-in's device proof: this workstation's signature over the server's nonce (IEEE P1363, as WebCrypto signs). */
export async function signSignIn(device: DeviceRecord, sectionId: string, nonce: string): Promise<DeviceSignIn> {
  if (!device.workstation) throw new Error('this browser is not a registered workstation');
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, device.keyPair.privateKey, new TextEncoder().encode(deviceSignInMessage(sectionId, nonce)));
  return { workstationId: device.workstation.id, nonce, signature: base64url(signature) };
}
