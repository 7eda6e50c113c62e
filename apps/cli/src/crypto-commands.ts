/**
 * `bidhall crypto …` and `bidhall cert …`: the cryptographic core for black-box use and OpenSSL
 * interop. Exit codes: 0 done / valid, 1 invalid or refused (with a one-line reason), 2 unusable
 * input or a wrong command line.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  CryptoError,
  DEFAULT_SIGNER_ID,
  gmSuite,
  intlSuite,
  keyId,
  loadTrustStoreFromDir,
  manifestPart,
  openShare,
  parseCertificate,
  parseCrl,
  privateKeyFromPem,
  privateKeyToPem,
  publicKeyFromPem,
  publicKeyToPem,
  readSealedHeader,
  sealStream,
  suiteForKey,
  unsealStream,
  verifyChain,
  type CertPurpose,
  type Crl,
  type KeySource,
  type OpenedShare,
  type PublicKey,
  type TrustStore,
} from '@bidhall/crypto';
import { systemClock } from '@bidhall/rules';
import type { Command } from './command.ts';

type Values = Record<string, string | boolean | undefined>;

/** A usage or input problem: exit code 2. */
class Unusable extends Error {}

function str(values: Values, name: string, required = true): string | undefined {
  const v = values[name];
  if (typeof v === 'string' && v.length > 0) return v;
  if (required) throw new Unusable(`--${name} is required`);
  return undefined;
}

/** parseArgs returns string[] for `multiple: true` options, which Command's value type does not express. */
function list(values: Values, name: string): string[] {
  const v = (values as Record<string, unknown>)[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as string[]) : [String(v)];
}

/** Fails early, with exit code 2, when a file to be streamed cannot be opened. */
async function assertFile(path: string, what: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new Unusable(`${what} ${path} is not a file`);
  } catch (err) {
    if (err instanceof Unusable) throw err;
    throw new Unusable(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new Unusable(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** A public key PEM, or the key inside a certificate PEM. */
async function loadPublicKey(path: string): Promise<PublicKey> {
  const text = (await readInput(path, 'key')).toString('utf8');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const cert = parseCertificate(text);
    if (!cert.publicKey) throw new CryptoError('UNSUPPORTED_ALGORITHM', `certificate key is ${cert.keyAlg}; SM2 or P-256 expected`);
    return cert.publicKey;
  }
  return publicKeyFromPem(text);
}

async function loadPrivateKey(path: string) {
  return privateKeyFromPem((await readInput(path, 'private key')).toString('utf8'));
}

/** Exit code for a refusal: 2 when the input itself is unusable, 1 when it was understood and refused. */
function unusableInput(code: string): boolean {
  return /^(MALFORMED_|UNSUPPORTED_ALGORITHM|BAD_KEY)/.test(code);
}

/** Runs a subcommand, mapping errors to the exit-code contract. */
async function guarded(label: string, fn: () => Promise<number>, isUnusable: (code: string) => boolean = unusableInput): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Unusable) {
      console.error(`${label}: ${err.message}`);
      return 2;
    }
    if (err instanceof CryptoError) {
      console.error(`${label}: ${err.code}: ${err.reason}`);
      return isUnusable(err.code) ? 2 : 1;
    }
    throw err;
  }
}

// ---- crypto ----

const CRYPTO_USAGE = `bidhall crypto <subcommand> [options]

  keygen --alg sm2|p256 --out KEY.pem [--pub-out PUB.pem]
      New key pair; the private key as PKCS#8 PEM (as \`openssl genpkey -algorithm SM2\` writes it).
      Without --pub-out the public key PEM is printed.
  sign --key KEY.pem --in FILE --out FILE.sig [--signer-id ID]
      DER signature: SM2 with SM3 and signer ID ${DEFAULT_SIGNER_ID} (the signature
      \`openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:${DEFAULT_SIGNER_ID}\` makes),
      or ECDSA P-256/SHA-256 for a P-256 key.
  verify --pub KEY-OR-CERT.pem --in FILE --sig FILE.sig [--signer-id ID]
      Exit 0 valid, 1 invalid, 2 unusable input.
  seal --in FILE --out FILE.sealed --to BIDDER.pem [--custodian C.pem …] [--threshold K] [--name NAME] [--chunk-size BYTES]
      Seal a file in the bidhall envelope format (docs/sealed-bid-format.md), streaming, for the
      bidder's key (public key or certificate) and k-of-n opening custodians. Prints the part's
      manifest entry (sizes and hashes) as JSON.
  unseal --in FILE.sealed --out FILE (--key BIDDER-KEY.pem | --share SHARE.json --share …)
      Decrypt with the bidder's private key or with k opened custodian shares. The output appears
      only when the whole part has verified.
  open-share --in FILE.sealed --key CUSTODIAN-KEY.pem [--out SHARE.json]
      A custodian decrypts its share of a sealed part (printed as JSON without --out).`;

async function keygen(values: Values): Promise<number> {
  const alg = str(values, 'alg', false) ?? 'sm2';
  if (alg !== 'sm2' && alg !== 'p256') throw new Unusable(`--alg must be sm2 or p256, not ${alg}`);
  const out = str(values, 'out')!;
  const key = (alg === 'sm2' ? gmSuite : intlSuite).generateKeyPair();
  await writeFile(out, privateKeyToPem(key), { mode: 0o600 });
  const pubOut = str(values, 'pub-out', false);
  if (pubOut) {
    await writeFile(pubOut, publicKeyToPem(key.publicKey));
    console.log(`${alg} key written to ${out}, public key to ${pubOut} (keyId ${keyId(key.publicKey)})`);
  } else {
    process.stdout.write(publicKeyToPem(key.publicKey));
  }
  return 0;
}

async function sign(values: Values): Promise<number> {
  const key = await loadPrivateKey(str(values, 'key')!);
  const data = await readInput(str(values, 'in')!, 'input');
  const signerId = str(values, 'signer-id', false);
  const sig = suiteForKey(key).sign(key, data, signerId ? { signerId } : {});
  await writeFile(str(values, 'out')!, sig);
  return 0;
}

async function verify(values: Values): Promise<number> {
  const pub = await loadPublicKey(str(values, 'pub')!);
  const data = await readInput(str(values, 'in')!, 'input');
  const sig = await readInput(str(values, 'sig')!, 'signature');
  const signerId = str(values, 'signer-id', false);
  const s = suiteForKey(pub);
  if (s.verify(pub, data, sig, signerId ? { signerId } : {})) {
    console.log(`valid: ${s.signatureAlg} signature by key ${keyId(pub)}`);
    return 0;
  }
  console.log(`invalid: the ${s.signatureAlg} signature does not match this file and key`);
  return 1;
}

async function seal(values: Values): Promise<number> {
  const input = str(values, 'in')!;
  const out = str(values, 'out')!;
  const bidder = await loadPublicKey(str(values, 'to')!);
  const custodians = await Promise.all(list(values, 'custodian').map(async (p) => ({ publicKey: await loadPublicKey(p), label: basename(p) })));
  const t = str(values, 'threshold', false);
  const threshold = t === undefined ? (custodians.length >= 2 ? 2 : 0) : Number(t);
  if (!Number.isInteger(threshold)) throw new Unusable('--threshold must be an integer');
  if (custodians.length === 1) throw new Unusable('give at least two custodians (a threshold of one would let one custodian open the bid alone)');
  const cs = str(values, 'chunk-size', false);
  const chunkSize = cs === undefined ? undefined : Number(cs);
  await assertFile(input, 'input');
  const sealed = await sealStream(createReadStream(input, { highWaterMark: 1 << 20 }), {
    name: str(values, 'name', false) ?? input.split(/[\\/]/).pop()!,
    recipients: { bidder, custodians, threshold },
    ...(chunkSize !== undefined ? { chunkSize } : {}),
  });
  await pipeline(sealed.stream, createWriteStream(out));
  console.log(JSON.stringify(manifestPart(sealed.header, await sealed.digest), null, 2));
  return 0;
}

async function unseal(values: Values): Promise<number> {
  const input = str(values, 'in')!;
  const out = str(values, 'out')!;
  const keyPath = str(values, 'key', false);
  const sharePaths = list(values, 'share');
  let keys: KeySource;
  if (keyPath) {
    keys = { bidderKey: await loadPrivateKey(keyPath) };
  } else if (sharePaths.length) {
    const shares: OpenedShare[] = [];
    for (const p of sharePaths) {
      try {
        shares.push(JSON.parse((await readInput(p, 'share')).toString('utf8')) as OpenedShare);
      } catch (err) {
        if (err instanceof Unusable) throw err;
        throw new Unusable(`${p} is not a share file (JSON)`);
      }
    }
    keys = { shares };
  } else {
    throw new Unusable('give --key or at least one --share');
  }
  await assertFile(input, 'sealed file');
  const opened = await unsealStream(createReadStream(input, { highWaterMark: 1 << 20 }), keys);
  // Plaintext is provisional until the last chunk verifies: write aside, publish on success only.
  const partial = `${out}.partial`;
  try {
    await pipeline(opened.stream, createWriteStream(partial, { mode: 0o600 }));
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  await rename(partial, out);
  const digest = await opened.digest;
  console.log(`unsealed ${opened.header.name}: ${digest.size} bytes, ${digest.hashAlg} ${digest.plaintextHash}`);
  return 0;
}

async function openShareCommand(values: Values): Promise<number> {
  const input = str(values, 'in')!;
  const key = await loadPrivateKey(str(values, 'key')!);
  await assertFile(input, 'sealed file');
  const stream = createReadStream(input, { highWaterMark: 64 * 1024 });
  let share: OpenedShare;
  try {
    share = await openShare((await readSealedHeader(stream)).header, key);
  } finally {
    stream.destroy();
  }
  const json = `${JSON.stringify(share, null, 2)}\n`;
  const out = str(values, 'out', false);
  if (out) await writeFile(out, json, { mode: 0o600 });
  else process.stdout.write(json);
  return 0;
}

const CRYPTO_SUBCOMMANDS: Record<string, (v: Values) => Promise<number>> = {
  keygen,
  sign,
  verify,
  seal,
  unseal,
  'open-share': openShareCommand,
};

// ---- cert ----

const CERT_USAGE = `bidhall cert <subcommand> [options]

  check --ca-dir DIR [--crl FILE …] [--purpose any|sign|encrypt] [--at ISO-TIME] CERT.pem
      Exit 0 when the certificate chains to a CA in DIR (roots and intermediates of several CAs,
      PEM or DER; *.crl files there are used too), is valid now (or at --at) and is not revoked;
      1 with the reason otherwise; 2 for unusable input.`;

async function certCheck(values: Values, positionals: string[]): Promise<number> {
  const certPath = positionals[1];
  if (!certPath) throw new Unusable('give the certificate file');
  const caDir = str(values, 'ca-dir')!;
  const purpose = (str(values, 'purpose', false) ?? 'any') as CertPurpose;
  if (!['any', 'sign', 'encrypt'].includes(purpose)) throw new Unusable('--purpose must be any, sign or encrypt');
  const atText = str(values, 'at', false);
  const at = atText ? new Date(atText) : systemClock.now();
  if (Number.isNaN(at.getTime())) throw new Unusable(`--at ${atText} is not a date`);
  const cert = parseCertificate(await readInput(certPath, 'certificate'));
  let store: TrustStore;
  let crls: Crl[];
  try {
    ({ store, crls } = await loadTrustStoreFromDir(caDir));
  } catch (err) {
    // A CA folder that cannot be used is unusable input, not an invalid certificate.
    if (err instanceof CryptoError) throw new Unusable(`CA folder ${caDir}: ${err.reason}`);
    throw err;
  }
  for (const p of list(values, 'crl')) crls.push(parseCrl(await readInput(p, 'CRL')));
  const r = await verifyChain(cert, { store, at, crls, purpose });
  console.log(`valid: ${cert.subject.text} → ${r.chain.slice(1).map((c) => c.subject.text).join(' → ')}`);
  return 0;
}

// ---- registration ----

export const cryptoCommands: Record<string, Command> = {
  crypto: {
    summary: 'keys, signatures and sealed envelopes (SM2/SM3/SM4; OpenSSL-compatible)',
    usage: CRYPTO_USAGE,
    options: {
      alg: { type: 'string' },
      out: { type: 'string' },
      'pub-out': { type: 'string' },
      key: { type: 'string' },
      in: { type: 'string' },
      sig: { type: 'string' },
      pub: { type: 'string' },
      'signer-id': { type: 'string' },
      to: { type: 'string' },
      custodian: { type: 'string', multiple: true },
      threshold: { type: 'string' },
      name: { type: 'string' },
      'chunk-size': { type: 'string' },
      share: { type: 'string', multiple: true },
    },
    async run(values, positionals) {
      const sub = positionals[0];
      const fn = sub ? CRYPTO_SUBCOMMANDS[sub] : undefined;
      if (!fn) {
        console.error(`bidhall crypto: ${sub ? `unknown subcommand '${sub}'` : 'give a subcommand'}\n\n${CRYPTO_USAGE}`);
        return 2;
      }
      // verify: a wrong signature is "invalid" (1); a signature that is not DER is unusable (2).
      return guarded(`bidhall crypto ${sub}`, () => fn(values));
    },
  },
  cert: {
    summary: 'check a certificate against the recognised CAs (chain, validity, revocation)',
    usage: CERT_USAGE,
    options: {
      'ca-dir': { type: 'string' },
      crl: { type: 'string', multiple: true },
      purpose: { type: 'string' },
      at: { type: 'string' },
    },
    async run(values, positionals) {
      if (positionals[0] !== 'check') {
        console.error(`bidhall cert: ${positionals[0] ? `unknown subcommand '${positionals[0]}'` : 'give a subcommand'}\n\n${CERT_USAGE}`);
        return 2;
      }
      // A certificate that parsed but cannot be validated (any CERT_/CRL_ code, or an issuer
      // algorithm we do not support) is invalid (1); an unreadable one is unusable (2).
      return guarded('bidhall cert check', () => certCheck(values, positionals), (code) => /^MALFORMED_|^BAD_KEY$/.test(code));
    },
  },
};
