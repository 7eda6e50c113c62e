/** Test helper: run the system `openssl` CLI in a scratch directory. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
export const OPENSSL_VERSION = probe.status === 0 ? probe.stdout.trim() : null;
export const HAS_OPENSSL = OPENSSL_VERSION !== null && /^OpenSSL 3\./.test(OPENSSL_VERSION);
if (!HAS_OPENSSL) {
  console.warn(`OpenSSL 3 CLI not found (${OPENSSL_VERSION ?? 'no openssl on PATH'}): OpenSSL interop tests are skipped`);
}

export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'bidhall-openssl-'));
  path(name: string): string {
    return join(this.dir, name);
  }
  write(name: string, data: Uint8Array | string): string {
    writeFileSync(this.path(name), data);
    return this.path(name);
  }
  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(this.path(name)));
  }
  text(name: string): string {
    return readFileSync(this.path(name), 'utf8');
  }
  openssl(...args: string[]): { status: number; stdout: string; stderr: string } {
    const r = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  /** Runs openssl and fails with its stderr when it exits non-zero. */
  must(...args: string[]): string {
    const r = this.openssl(...args);
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
