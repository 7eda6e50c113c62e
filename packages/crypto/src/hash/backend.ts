/**
 * The primitive operations that have a fast native implementation in Node (OpenSSL through
 * node:crypto) and a pure-JavaScript one for the browser. Everything else in the package calls
 * these through `backend()`; the Node entry (index.ts) installs the native backend, the browser
 * entry (browser.ts) keeps the JavaScript one. Both give byte-identical results (tested).
 */
import { jsBackend } from './js-backend.ts';

export type { Backend, HashAlg, Hasher } from './backend-types.ts';
import type { Backend } from './backend-types.ts';

let active: Backend = jsBackend;

/** Called once by an entry point; the last installed backend wins. */
export function installBackend(b: Backend): void {
  active = b;
}

export function backend(): Backend {
  return active;
}
