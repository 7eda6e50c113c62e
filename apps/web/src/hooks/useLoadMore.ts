import { useCallback, useEffect, useState } from 'react';

/** One page of a "load more" list and where the next one starts (undefined at the end). */
export interface MorePage<T, C> {
  items: T[];
  next: C | undefined;
}

/**
 * A list read newest first in pages with a "load more" button: the first page loads whenever
 * `fetchPage` changes (a new filter), later pages are appended. `setItems` replaces rows in place
 * (e.g. after an action on one of them).
 */
export function useLoadMore<T, C>(fetchPage: (after?: C) => Promise<MorePage<T, C>>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<C>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (after?: C) => {
      setLoading(true);
      try {
        const page = await fetchPage(after);
        setItems((prev) => (after === undefined ? page.items : [...prev, ...page.items]));
        setNext(page.next);
        setError(undefined);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return {
    items,
    setItems,
    loading,
    error,
    hasMore: next !== undefined,
    reload: () => load(),
    loadMore: () => (next === undefined ? Promise.resolve() : load(next)),
  };
}
