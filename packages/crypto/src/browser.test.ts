import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.ts';
import { browserBundle } from './test-support/browser-bundle.ts';

describe('browser entry', () => {
  it('[F-08] bundles for the browser with no Node built-in anywhere in its import graph', async () => {
    const bundle = await browserBundle(fileURLToPath(new URL('./browser.ts', import.meta.url)));
    expect(bundle.nodeInputs).toEqual([]);
    expect(bundle.bytes).toBeGreaterThan(10_000);
  });

  it('[F-08] runs on the JavaScript backend: SM2 signature over canonical JSON and a sealed bidSummary round trip', async () => {
    expect(browser.backend().name).toBe('js');
    const key = browser.gmSuite.generateKeyPair();
    const sig = browser.signJson({ a: 1 }, key);
    expect(browser.verifyJson({ a: 1 }, sig, key.publicKey)).toBe(true);
    const sealed = await browser.sealBidSummary({ priceFen: '100' }, { recipients: { bidder: key.publicKey, custodians: [], threshold: 0 } });
    const opened = await browser.unsealBidSummary(sealed.sealed, { bidderKey: key });
    expect(opened.summary).toEqual({ priceFen: '100' });
  });
});
