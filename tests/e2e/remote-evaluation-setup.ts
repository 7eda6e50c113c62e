// What the remote cross-region evaluation's browser test (remote-evaluation.test.ts) prepares through
// the API: the demo's second section opened and read out, accounts made as the integration tests make
// them, and personal certificates from a CA of the test's own, written to files the browser picks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalCertificateBindingPayload } from '@bidhall/contracts';
import { createDemoCa, encodePem, issueEntityCertificate, privateKeyToPem, signJson, type DemoCa } from '@bidhall/crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { DEMO_BIDDERS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/demo/demo-data.ts';
import { OPENING_APPROVAL_CODE } from '../../apps/server/src/demo/demo-opening.ts';
import { demoBidderKeys, demoUnseal } from '../../apps/server/src/demo/demo-sealed-bid.ts';
import { userSessions } from '../../apps/server/src/demo/demo-tendering.ts';
import type { RunningServer } from '../../apps/server/src/server.ts';
import type { ShiftedClock } from './harness.ts';

/** A request through the server's inject: its JSON, after checking the status (`status`, by default any 2xx). */
export function injector(server: RunningServer) {
  return async <T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    cookie: string,
    payload?: object,
    status?: number,
  ): Promise<{ status: number; body: T }> => {
    const res = await server.built.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    if (status === undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    else expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
  };
}

/** A city outside the demo's, 包头市 with 东河区, added to the region catalog. */
export async function addBaotou(server: RunningServer): Promise<void> {
  await sql`INSERT INTO catalog.region (code, parent_code, level, name_zh, name_en, sort) VALUES ('150200', NULL, 'city', '包头市', 'Baotou City', 20), ('150202', '150200', 'district', '东河区', 'Donghe District', 21)`.execute(
    server.database.db,
  );
  await server.built.catalog.reload();
}

/** An account with the demo's password and TOTP secret (so that apiLogin and demoLogin log it in). */
export async function createAccount(
  server: RunningServer,
  user: { username: string; displayName: string; kind: 'staff' | 'expert'; regionCode: string; personIdNumber: string },
): Promise<void> {
  const made = await server.built.identity.services.users.create({ ...user, categories: [], password: DEMO_PASSWORD }, null, {
    kind: 'system',
  });
  await sql`UPDATE identity.user_account SET totp_secret = ${DEMO_TOTP_SECRET}, totp_enabled = true WHERE id = ${made.id}`.execute(
    server.database.db,
  );
}

/**
 * The demo's section 二 (the opening stage's project; its hall open, waiting for bidder.demo): every
 * bidder signed in, the tenderer starts the unsealing, each bidder unseals with its key file; the bids
 * are read out and the price coefficient drawn. Returns the section's id.
 */
export async function readOutSecondSection(server: RunningServer, clock: ShiftedClock, dataDir: string): Promise<string> {
  const db = server.database.db;
  const rows = (
    await sql<{ id: string }>`
      SELECT s.id FROM projects.section s
        JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
        JOIN projects.project p ON p.id = tp.project_id
      WHERE p.approval_code = ${OPENING_APPROVAL_CODE}
        AND NOT EXISTS (SELECT 1 FROM experts.committee_plan c WHERE c.section_id = s.id)`.execute(db)
  ).rows;
  expect(rows.length, 'the demo’s opening stage has one section without a committee').toBe(1);
  const sectionId = rows[0]!.id;
  const as = userSessions(server.built, clock);
  const tenderer = await as('tenderer.demo');
  await tenderer.call('GET', `/api/v1/sections/${sectionId}/hall`);
  const bidders = [];
  for (const username of DEMO_BIDDERS) {
    const bidder = await as(username);
    await bidder.call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`);
    bidders.push(bidder);
  }
  await tenderer.call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`);
  for (const [i, bidder] of bidders.entries())
    await demoUnseal(bidder, demoBidderKeys(join(dataDir, 'demo-ca'), DEMO_BIDDERS[i]!), sectionId);
  const hall = (
    await sql<{
      readout_at: Date | null;
      coefficient: string | null;
    }>`SELECT readout_at, coefficient FROM opening.hall WHERE section_id = ${sectionId} AND sitting = 'bid'`.execute(db)
  ).rows[0];
  expect(hall?.readout_at, 'section 二 read out').not.toBeNull();
  expect(hall?.coefficient, 'its price coefficient drawn').not.toBeNull();
  return sectionId;
}

/** Files of a member's personal certificate and key, as the member picks them in the browser. */
export interface CertificateFiles {
  certificatePem: string;
  certFile: string;
  keyFile: string;
}

/**
 * Personal certificates for evaluators (decision 0026): a CA of the test's own, trusted by the server,
 * issues one naming a person; `bind` binds it to the account of `cookie` by proof of possession, as the
 * expert's page does, and writes the certificate and key to files.
 */
export async function evaluatorCertificates(server: RunningServer, clock: ShiftedClock, dataDir: string) {
  const now = clock.now();
  const ca: DemoCa = await createDemoCa({
    id: 'remote-eval-e2e',
    organisation: '远程评标测试认证机构（虚构）',
    alg: 'sm2',
    withIntermediate: false,
    now,
  });
  writeFileSync(join(dataDir, 'trust', 'remote-eval-e2e-root.pem'), encodePem('CERTIFICATE', ca.root.der));
  await server.built.identity.trust.reload();
  const dir = join(dataDir, 'remote-evaluators');
  mkdirSync(dir, { recursive: true });
  const call = injector(server);
  return {
    async bind(cookie: string, name: string, file: string): Promise<CertificateFiles> {
      const { cert, key } = await issueEntityCertificate(ca, {
        entityName: name,
        notBefore: new Date(now.getTime() - 86_400_000),
        notAfter: new Date(now.getTime() + 365 * 86_400_000),
      });
      const certificatePem = encodePem('CERTIFICATE', cert.der);
      const me = (await call<{ id: string }>('GET', '/api/v1/me', cookie)).body;
      const { nonce } = (await call<{ nonce: string }>('POST', '/api/v1/my/personal-certificates/challenge', cookie, {})).body;
      await call(
        'POST',
        '/api/v1/my/personal-certificates',
        cookie,
        {
          certificate: certificatePem,
          nonce,
          signature: signJson(personalCertificateBindingPayload(me.id, nonce), key),
        },
        201,
      );
      const certFile = join(dir, `${file}.cert.pem`);
      const keyFile = join(dir, `${file}.key.pem`);
      writeFileSync(certFile, certificatePem);
      writeFileSync(keyFile, privateKeyToPem(key), { mode: 0o600 });
      return { certificatePem, certFile, keyFile };
    },
  };
}
