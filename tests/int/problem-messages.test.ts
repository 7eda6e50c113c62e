import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('problem messages', () => {
  it('every problem code the server can answer with has a Chinese and an English message in the web app', () => {
    const codes = t.built.problemCodes();
    expect(codes.length).toBeGreaterThan(100);
    for (const lang of ['zh-CN', 'en'] as const) {
      const messages: Record<string, unknown> = resources[lang].translation.errors;
      const missing = codes.filter((code) => typeof messages[code] !== 'string' || !(messages[code] as string).trim());
      expect(missing, `${lang} has no message for`).toEqual([]);
    }
  });
});
