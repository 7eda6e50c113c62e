/** Test helper: run the same assertions under the JavaScript and the Node (OpenSSL) backend. */
import { backend, installBackend, type Backend } from '../hash/backend.ts';
import { jsBackend } from '../hash/js-backend.ts';
import { nodeBackend } from '../node/node-backend.ts';

export const BACKENDS: [string, Backend][] = [
  ['js', jsBackend],
  ['node', nodeBackend],
];

export async function withBackend<T>(b: Backend, fn: () => T | Promise<T>): Promise<T> {
  const previous = backend();
  installBackend(b);
  try {
    return await fn();
  } finally {
    installBackend(previous);
  }
}
