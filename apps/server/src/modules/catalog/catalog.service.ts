import type { Region, TradingCategory } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';

/**
 * Regions and trading categories are small reference tables read on nearly every request, so they
 * are held in memory after start; reading them never needs a connection, even inside a transaction.
 */
export async function createCatalog(db: Db) {
  let regions: Region[] = [];
  let categories: TradingCategory[] = [];

  async function reload() {
    const r = await db.selectFrom('catalog.region').selectAll().orderBy('sort').execute();
    regions = r.map((x) => ({ code: x.code, parentCode: x.parent_code, level: x.level, nameZh: x.name_zh, nameEn: x.name_en }));
    const c = await db.selectFrom('catalog.trading_category').selectAll().orderBy('sort').execute();
    categories = c.map((x) => ({ code: x.code, nameZh: x.name_zh, nameEn: x.name_en, mustEnter: x.must_enter, legalBasis: x.legal_basis }));
  }
  await reload();

  /** A region and every region below it: the city sees its banners and districts, a district itself. */
  function codesWithin(scope: string): string[] {
    const result = new Set<string>([scope]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of regions) {
        if (r.parentCode && result.has(r.parentCode) && !result.has(r.code)) {
          result.add(r.code);
          grew = true;
        }
      }
    }
    return regions.filter((r) => result.has(r.code)).map((r) => r.code);
  }

  return {
    reload,
    regions: () => regions,
    categories: () => categories,
    regionExists: (code: string) => regions.some((r) => r.code === code),
    codesWithin,
    allCodes: () => regions.map((r) => r.code),
    isTop: (code: string) => regions.some((r) => r.code === code && r.parentCode === null),
  };
}

export type Catalog = Awaited<ReturnType<typeof createCatalog>>;
