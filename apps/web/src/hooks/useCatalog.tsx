import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogApi } from '../api/catalog.ts';
import type { Region, TradingCategory } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

interface CatalogState {
  regions: Region[];
  categories: TradingCategory[];
  loading: boolean;
  failed: boolean;
  regionName: (code: string | null | undefined) => string;
  categoryName: (code: string) => string;
  /** A region and every region below it, as staff scopes are computed on the server. */
  regionsWithin: (code: string) => Region[];
}

const CatalogContext = createContext<CatalogState | null>(null);

/** Regions and trading categories: small reference data, loaded once per page load. */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const { lang } = useLocale();
  const [regions, setRegions] = useState<Region[]>([]);
  const [categories, setCategories] = useState<TradingCategory[]>([]);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([catalogApi.regions(), catalogApi.categories()])
      .then(([r, c]) => {
        if (!live) return;
        setRegions(r);
        setCategories(c);
      })
      .catch(() => live && setFailed(true))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const regionName = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      const r = regions.find((x) => x.code === code);
      return r ? (lang === 'en' ? r.nameEn : r.nameZh) : code;
    },
    [regions, lang],
  );
  const categoryName = useCallback(
    (code: string) => {
      const c = categories.find((x) => x.code === code);
      return c ? (lang === 'en' ? c.nameEn : c.nameZh) : code;
    },
    [categories, lang],
  );
  const regionsWithin = useCallback(
    (scope: string) => {
      const inScope = new Set([scope]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const r of regions) {
          if (r.parentCode && inScope.has(r.parentCode) && !inScope.has(r.code)) {
            inScope.add(r.code);
            grew = true;
          }
        }
      }
      return regions.filter((r) => inScope.has(r.code));
    },
    [regions],
  );

  const value = useMemo(
    () => ({ regions, categories, loading, failed, regionName, categoryName, regionsWithin }),
    [regions, categories, loading, failed, regionName, categoryName, regionsWithin],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogState {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog outside CatalogProvider');
  return value;
}
