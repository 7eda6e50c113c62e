import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  gmSuite,
  privateKeyFromPem,
  privateKeyToPem,
  publicKeyFromPem,
  type PrivateKey,
  type SignedTreeHead,
} from '@bidhall/crypto';
import { checkHeads, cosignTreeHead, treeHeadCheck, type Cosignature, type HeadFailure } from '@bidhall/crypto/log-verify';
import { httpLogSource, Unusable } from './log-verify.ts';

/** What a witness keeps between polls: the log's key, the last head it accepted, and any alarm. */
export interface WitnessState {
  version: 1;
  url: string;
  logKeyPem: string;
  head: SignedTreeHead;
  keptAt: string;
  /** The co-signature over `head`, and whether the platform has stored it. */
  cosignature: Cosignature;
  posted: boolean;
  /** Set when the log misbehaved: the witness refuses to go on until an operator removes it. */
  alarm?: { at: string; reason: HeadFailure; message: string; seen: SignedTreeHead };
}

export type WitnessPoll =
  | { kind: 'first' | 'extended' | 'unchanged'; head: SignedTreeHead; posted: boolean; note?: string }
  | { kind: 'alarm'; reason: HeadFailure; message: string; kept: SignedTreeHead; seen: SignedTreeHead };

export interface WitnessOptions {
  url: string;
  statePath: string;
  keyPath: string;
  /** The log's key, pinned; else the state's, else fetched once and kept (trust on first use). */
  logKeyPem?: string;
  fetcher?: typeof fetch;
  now?: () => Date;
}

function writeAtomically(path: string, text: string, mode?: number) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, path);
}

/** The witness's own SM2 key: read, or generated and saved (owner-only) on first run. */
export function witnessKey(path: string): { key: PrivateKey; created: boolean } {
  if (existsSync(path)) return { key: privateKeyFromPem(readFileSync(path, 'utf8')), created: false };
  const key = gmSuite.generateKeyPair();
  writeAtomically(path, privateKeyToPem(key), 0o600);
  return { key, created: true };
}

export function readWitnessState(path: string): WitnessState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as WitnessState;
  } catch (err) {
    throw new Unusable(`the state file ${path} cannot be read: ${(err as Error).message}`);
  }
}

async function post(opts: WitnessOptions, c: Cosignature): Promise<{ posted: boolean; note?: string }> {
  const fetcher = opts.fetcher ?? fetch;
  try {
    const res = await fetcher(`${opts.url.replace(/\/+$/, '')}/api/v1/log/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(c),
    });
    if (res.ok) return { posted: true };
    // A rate limit or an outage: the co-signature stays in the state and is posted on a later poll.
    return {
      posted: false,
      note: `the platform did not take the co-signature (HTTP ${res.status}); it is kept and posted again`,
    };
  } catch (err) {
    return { posted: false, note: `cannot post the co-signature: ${(err as Error).message}; it is kept and posted again` };
  }
}

/**
 * One poll: the newest head must be signed by the log key and extend the head kept from the last
 * poll (a consistency proof). Then it is kept and co-signed. A rollback, a fork or a bad proof is an
 * alarm: recorded in the state, never co-signed, and every later poll refuses until it is cleared.
 */
export async function witnessOnce(opts: WitnessOptions): Promise<WitnessPoll> {
  const now = opts.now ?? (() => new Date());
  const state = readWitnessState(opts.statePath);
  if (state?.alarm) {
    return {
      kind: 'alarm',
      reason: state.alarm.reason,
      message: `stopped since ${state.alarm.at}: ${state.alarm.message}`,
      kept: state.head,
      seen: state.alarm.seen,
    };
  }
  const source = httpLogSource(opts.url, opts.fetcher);
  const logKeyPem = state?.logKeyPem ?? opts.logKeyPem ?? (await source.keyPem());
  if (opts.logKeyPem && state && opts.logKeyPem.trim() !== state.logKeyPem.trim()) {
    throw new Unusable('the pinned log key is not the one in the state file');
  }
  const logKey = publicKeyFromPem(logKeyPem);
  const { key } = witnessKey(opts.keyPath);
  const current = await source.treeHead();

  const keep = async (kind: 'first' | 'extended', note?: string): Promise<WitnessPoll> => {
    const cosignature = cosignTreeHead(current, key, now());
    const next: WitnessState = {
      version: 1,
      url: opts.url,
      logKeyPem,
      head: current,
      keptAt: now().toISOString(),
      cosignature,
      posted: false,
    };
    // Kept before it is posted: a crash between the two must not lose the head the witness vouched for.
    writeAtomically(opts.statePath, JSON.stringify(next, null, 2));
    const sent = await post(opts, cosignature);
    if (sent.posted) writeAtomically(opts.statePath, JSON.stringify({ ...next, posted: true }, null, 2));
    return { kind, head: current, posted: sent.posted, note: sent.note ?? note };
  };

  if (!state) {
    const signed = treeHeadCheck(current, logKey);
    if (signed.status !== 'ok') throw new Unusable(`the first head is not signed by the log key: ${signed.error ?? ''}`);
    return keep('first');
  }

  const verdict = await checkHeads(state.head, current, source, logKey);
  if (!verdict.ok) {
    const alarm = { at: now().toISOString(), reason: verdict.reason, message: verdict.message, seen: current };
    writeAtomically(opts.statePath, JSON.stringify({ ...state, alarm }, null, 2));
    return { kind: 'alarm', reason: verdict.reason, message: verdict.message, kept: state.head, seen: current };
  }
  if (verdict.grown) return keep('extended');
  if (!state.posted) {
    const sent = await post(opts, state.cosignature);
    if (sent.posted) writeAtomically(opts.statePath, JSON.stringify({ ...state, posted: true }, null, 2));
    return { kind: 'unchanged', head: state.head, posted: sent.posted, note: sent.note };
  }
  return { kind: 'unchanged', head: state.head, posted: true };
}

/** `60`, `60s`, `5m`, `1h` → milliseconds (at least 5 s: a witness needs no faster poll). */
export function parseInterval(text: string): number {
  const m = /^(\d+)\s*(s|m|h)?$/.exec(text.trim());
  if (!m) throw new Unusable(`--interval: give seconds, or a number with s, m or h (e.g. 60s, 5m)`);
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 's' | 'm' | 'h'];
  if (ms < 5000) throw new Unusable('--interval: at least 5 seconds');
  return ms;
}

export function alarmText(p: Extract<WitnessPoll, { kind: 'alarm' }>): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    `!! WITNESS ALARM — ${p.reason.toUpperCase()}`,
    `!! ${p.message}`,
    `!! kept head: size ${p.kept.treeSize}, root ${p.kept.rootHash}, signed ${new Date(p.kept.timestamp).toISOString()}`,
    `!! seen head: size ${p.seen.treeSize}, root ${p.seen.rootHash}, signed ${new Date(p.seen.timestamp).toISOString()}`,
    '!! Both heads carry the platform signature: keep the state file as evidence and report it.',
    '!! The witness has stopped and co-signs nothing until the alarm is removed from the state file.',
    bar,
  ].join('\n');
}
