import { Tooltip } from 'antd';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_BATCH, DIRECTORY_READERS, directoryApi } from '../api/directory.ts';
import type { AccountName } from '../api/types.ts';
import { useSession } from '../auth/SessionContext.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Display names for account ids, for the whole page: every id asked for in the same tick goes to the
 * server in one GET /users/directory (≤ 100 ids a call), and each answer is kept, so opening another
 * drawer or loading more audit rows only asks for ids not seen yet. An id the directory does not know
 * is remembered as null and shown as the bare id; after a failed call the ids are asked for again the
 * next time a view needs them. The cache belongs to one logged-in user and is dropped when that changes.
 */
let names: ReadonlyMap<string, AccountName | null> = new Map();
let owner: string | undefined;
const queued = new Set<string>();
const inFlight = new Set<string>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot() {
  return names;
}

async function fetchBatch(forOwner: string, ids: string[]) {
  ids.forEach((id) => inFlight.add(id));
  try {
    const found = await directoryApi.names(ids);
    if (forOwner !== owner) return;
    const next = new Map(names);
    for (const id of ids) next.set(id, null);
    for (const a of found) next.set(a.id, a);
    names = next;
    listeners.forEach((l) => l());
  } catch {
    // shown as bare ids; asked for again when a view next needs them
  } finally {
    ids.forEach((id) => inFlight.delete(id));
  }
}

function flush() {
  timer = undefined;
  const ids = [...queued];
  queued.clear();
  const forOwner = owner;
  if (!forOwner) return;
  for (let i = 0; i < ids.length; i += DIRECTORY_BATCH) void fetchBatch(forOwner, ids.slice(i, i + DIRECTORY_BATCH));
}

function request(userId: string, ids: readonly string[]) {
  if (owner !== userId) {
    owner = userId;
    names = new Map();
    queued.clear();
    listeners.forEach((l) => l());
  }
  for (const id of ids) {
    if (!names.has(id) && !inFlight.has(id) && UUID.test(id)) queued.add(id);
  }
  if (queued.size > 0 && timer === undefined) timer = setTimeout(flush, 0);
}

export type AccountLookup = (id: string | null | undefined) => AccountName | null | undefined;

/**
 * Looks the given ids up (batched and cached) and returns a lookup: the account, null when unknown,
 * undefined while loading. Users who may not read the directory (entity users) never call it.
 */
export function useAccountNames(ids: readonly (string | null | undefined)[]): AccountLookup {
  const { user } = useSession();
  const reader = user && DIRECTORY_READERS.includes(user.kind) ? user.id : undefined;
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  useEffect(() => {
    if (reader && key) request(reader, key.split(','));
  }, [reader, key]);
  const known = useSyncExternalStore(subscribe, getSnapshot);
  return useCallback<AccountLookup>((id) => (id && reader ? known.get(id) : undefined), [known, reader]);
}

/**
 * An account shown by name (its kind and id on hover); the bare id while unknown. `fallback` replaces
 * the bare id when the directory does not know it (e.g. "the applicant").
 */
export function AccountLabel({
  id,
  lookup,
  fallback,
  testId,
}: {
  id: string | null | undefined;
  lookup: AccountLookup;
  fallback?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!id) return <span className="muted">—</span>;
  const account = lookup(id);
  if (!account) {
    if (account === null && fallback) {
      return (
        <Tooltip title={<span className="mono">{id}</span>}>
          <span data-testid={testId}>{fallback}</span>
        </Tooltip>
      );
    }
    return (
      <span className="mono small" data-testid={testId}>
        {id}
      </span>
    );
  }
  return (
    <Tooltip
      title={
        <>
          {t(`kinds.${account.kind as 'staff'}`, { defaultValue: account.kind })}
          <br />
          <span className="mono small">{account.id}</span>
        </>
      }
    >
      <span className="account-name" data-testid={testId} data-account-id={account.id}>
        {account.displayName}
      </span>
    </Tooltip>
  );
}
