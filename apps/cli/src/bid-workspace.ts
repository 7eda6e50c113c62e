/**
 * The bid workspace: one folder on the bidder's machine holding the session, what each section's
 * document requires, the composition (bid.json), the sealed bids and the receipts.
 *
 *   .bidhall-session.json                 the platform URL, session cookie, certificate and key paths (0600)
 *   bid.json                              the composition (bid init / compose)
 *   sections/<sectionId>/requirements.json, tender-document.json, download-receipt.json
 *   sealed/<sectionId>/manifest.json      the signed manifest
 *   sealed/<sectionId>/parts/<partId>.sealed, seal.json (which file went into which part)
 *   sealed/<sectionId>/uploads.json       tus upload URLs, so a rerun resumes
 *   receipts/<sectionId>/<receiptId>.json the platform's receipts
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A usage or input problem: exit code 2. */
export class Unusable extends Error {}
/** The command was understood but refused or failed: exit code 1. */
export class Refused extends Error {}

export const SESSION_FILE = '.bidhall-session.json';
export const BID_FILE = 'bid.json';

export interface Session {
  url: string;
  cookie: string;
  certFile: string;
  keyFile: string;
  username?: string;
  entity?: { id: string; name: string } | null;
  loggedInAt: string;
}

export class Workspace {
  readonly root: string;
  constructor(dir?: string) {
    this.root = resolve(dir ?? '.');
  }
  path(...p: string[]) {
    return join(this.root, ...p);
  }
  sectionDir(sectionId: string) {
    return this.path('sections', sectionId);
  }
  sealedDir(sectionId: string) {
    return this.path('sealed', sectionId);
  }
  receiptsDir(sectionId: string) {
    return this.path('receipts', sectionId);
  }

  async readJson<T>(rel: string, what: string): Promise<T> {
    const p = this.path(rel);
    let text: string;
    try {
      text = await readFile(p, 'utf8');
    } catch (err) {
      throw new Unusable(`cannot read ${what} (${p}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new Unusable(`${what} (${p}) is not JSON: ${(err as Error).message}`);
    }
  }

  async maybeJson<T>(rel: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path(rel), 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Unusable(`${this.path(rel)} cannot be read: ${(err as Error).message}`);
    }
  }

  /** Writes atomically (a temporary file renamed over), with a mode for secrets. */
  async writeJson(rel: string, value: unknown, mode = 0o644): Promise<string> {
    return this.writeFile(rel, `${JSON.stringify(value, null, 2)}\n`, mode);
  }

  async writeFile(rel: string, data: string | Uint8Array, mode = 0o644): Promise<string> {
    const p = this.path(rel);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, data, { mode });
    await chmod(tmp, mode);
    await rename(tmp, p);
    return p;
  }

  async session(): Promise<Session> {
    const s = await this.maybeJson<Session>(SESSION_FILE);
    if (!s)
      throw new Unusable(
        `not logged in: run 'bidhall bid login --url URL --cert CERT.pem --key KEY.pem --dir ${this.root}' first`,
      );
    return s;
  }

  saveSession(s: Session) {
    return this.writeJson(SESSION_FILE, s, 0o600);
  }
}

export const SECTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sectionIdArg(value: string | undefined, what = 'section id'): string {
  if (!value) throw new Unusable(`give the ${what}`);
  if (!SECTION_ID.test(value)) throw new Unusable(`${value} is not a ${what} (a UUID)`);
  return value.toLowerCase();
}
