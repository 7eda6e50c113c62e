/**
 * The demo CAs' OCSP responders (F-09, decision 0013): each demo CA delegates OCSP signing to a
 * responder key it certifies before its own key is discarded; the demo's certificates name
 * `<PUBLIC_BASE_URL>/sandbox/ocsp/<ca>`, answered here from `<demo-ca>/ocsp/<ca>.json`. Revoking a
 * demo certificate there (revokeDemoCertificate) is what a CA's revocation looks like to the platform.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createOcspResponder,
  encodeOcspError,
  encodePem,
  issueOcspResponderCertificate,
  keySigner,
  parseCertificate,
  privateKeyFromPem,
  privateKeyToPem,
  type CrlReason,
  type DemoCa,
} from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppInstance } from '../platform/http/types.ts';

export const DEMO_OCSP_PATH = '/sandbox/ocsp';

interface ResponderFile {
  issuer: string;
  responderCert: string;
  responderKey: string;
  revoked: { serialNumber: string; revokedAt: string; reason?: CrlReason }[];
}

const fileOf = (demoCaDir: string, caId: string) => join(demoCaDir, 'ocsp', `${caId}.json`);

/** Certifies a responder for `ca` and writes its state (the key file is readable by its owner only). */
export async function writeDemoOcspResponder(
  demoCaDir: string,
  ca: DemoCa,
  revoked: ResponderFile['revoked'],
  validity: { notBefore: Date; notAfter: Date },
): Promise<void> {
  const responder = await issueOcspResponderCertificate(ca, validity);
  const state: ResponderFile = {
    issuer: encodePem('CERTIFICATE', ca.issuing.der),
    responderCert: encodePem('CERTIFICATE', responder.cert.der),
    responderKey: privateKeyToPem(responder.key),
    revoked,
  };
  await writeFile(fileOf(demoCaDir, ca.id), JSON.stringify(state, null, 2), { mode: 0o600 });
}

/** Marks a demo certificate revoked at its CA's responder. */
export async function revokeDemoCertificate(demoCaDir: string, caId: string, serialNumber: string, revokedAt: Date, reason: CrlReason = 'keyCompromise') {
  const file = fileOf(demoCaDir, caId);
  const state = JSON.parse(await readFile(file, 'utf8')) as ResponderFile;
  state.revoked = [...state.revoked.filter((r) => r.serialNumber !== serialNumber), { serialNumber, revokedAt: revokedAt.toISOString(), reason }];
  await writeFile(file, JSON.stringify(state, null, 2), { mode: 0o600 });
}

async function answer(demoCaDir: string, caId: string, request: Uint8Array, clock: Clock): Promise<Uint8Array> {
  let state: ResponderFile;
  try {
    state = JSON.parse(await readFile(fileOf(demoCaDir, caId), 'utf8')) as ResponderFile;
  } catch {
    return encodeOcspError('unauthorized');
  }
  const responderCert = parseCertificate(state.responderCert);
  const respond = createOcspResponder({
    issuer: parseCertificate(state.issuer),
    signer: keySigner(privateKeyFromPem(state.responderKey)),
    responderCert,
    now: () => clock.now(),
    status: (serial) => {
      const r = state.revoked.find((x) => x.serialNumber === serial);
      return r ? { status: 'revoked', revokedAt: new Date(r.revokedAt), ...(r.reason ? { reason: r.reason } : {}) } : { status: 'good' };
    },
  });
  return respond(request);
}

/** POST /sandbox/ocsp/:ca (RFC 6960 Appendix A.1), for the demo CAs made in `demoCaDir`. */
export function registerDemoOcspRoutes(app: AppInstance, deps: { demoCaDir: string; clock: Clock }) {
  void app.register(async (parent) => {
    const scope = parent.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/ocsp-request', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(
      `${DEMO_OCSP_PATH}/:ca`,
      {
        config: { access: { public: true, reason: "the sandbox CA's OCSP responder: whoever relies on its certificates asks it" } },
        schema: { hide: true, params: z.strictObject({ ca: z.string().regex(/^[a-z0-9-]{1,40}$/) }) },
      },
      async (request, reply) => {
        const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
        const der = await answer(deps.demoCaDir, request.params.ca, body, deps.clock);
        return reply.type('application/ocsp-response').send(Buffer.from(der));
      },
    );
  });
}
