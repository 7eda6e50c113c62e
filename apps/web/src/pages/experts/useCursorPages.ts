import { useCallback, useEffect, useRef, useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/**
 * Pages read by cursor, with a way back: the cursors of the pages seen are kept, so "previous" goes
 * back without the server knowing offsets. A new `fetchPage` (a new filter) starts again at page 1.
 */
export function useCursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [index, setIndex] = useState(0);
  const [page, setPage] = useState<CursorPage<T>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  useEffect(() => {
    setCursors([undefined]);
    setIndex(0);
  }, [fetchPage]);

  const cursor = cursors[index];
  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await fetchPage(cursor);
      if (mine !== generation.current) return;
      setPage(next);
      setError(undefined);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [fetchPage, cursor]);

  useEffect(() => {
    void load();
  }, [load]);

  return {
    page,
    setPage,
    loading,
    error,
    reload: load,
    pageNumber: index + 1,
    hasPrevious: index > 0,
    hasNext: Boolean(page?.nextCursor),
    previous: () => setIndex((i) => Math.max(0, i - 1)),
    next: () => {
      const nextCursor = page?.nextCursor;
      if (!nextCursor) return;
      setCursors((c) => [...c.slice(0, index + 1), nextCursor]);
      setIndex((i) => i + 1);
    },
  };
}
