import { z } from 'zod';

export const region = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['city', 'district']),
  nameZh: z.string(),
  nameEn: z.string(),
});
export type Region = z.infer<typeof region>;

export const tradingCategory = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  mustEnter: z.boolean(),
  legalBasis: z.string(),
});
export type TradingCategory = z.infer<typeof tradingCategory>;
