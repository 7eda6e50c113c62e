import type { BiddingRequirements, BondAccountView, GuaranteeTerms, GuaranteeView } from '@bidhall/contracts';
import { canonicalJson, parseCertificates, privateKeyFromPem, signCmsDetached, toBase64 } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltApp } from '../app.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_ENTITIES, demoCreditCode } from './demo-data.ts';
import { userSessions } from './demo-tendering.ts';

const DAY = 86_400_000;
/** The demo bidder's own bank account, from which it pays its deposits. */
export const DEMO_PAYER_ACCOUNT = '6222021205000012345';
/** A bond the demo's guarantee is for when the document asks for none. */
const DEMO_GUARANTEE_FEN = 8_000_000n;

const creditCodeOf = (username: string) => {
  const e = DEMO_ENTITIES.find((x) => x.username === username);
  return e ? demoCreditCode(e) : '';
};

/**
 * Bid bonds in the demo (issue 10 §4): bidder.demo opens its virtual sub-account for every section whose
 * document it holds and, where the document asks for a bond, pays it through the sandbox bank; the
 * centre's staff (staff.dongsheng, the sections' region) import the bank's camt.053 statement, so the
 * bond is met at submission; guarantor.demo registers an e-guarantee for bidder.demo on the first of
 * those sections. Done again, it changes nothing (payments only for what is missing, imports by serial).
 */
export async function loadDemoFinance(
  built: BuiltApp,
  db: Db,
  options: { clock: Clock; demoCaDir?: string; onSkipped?: (stage: string, reason: string) => void },
): Promise<{ accounts: number; paid: number; guarantees: number }> {
  const bank = built.finance.sandboxBank;
  await enrolDemoIssuer(built, db, options);
  const as = userSessions(built, options.clock);
  const bidder = await as('bidder.demo');
  const now = options.clock.now();
  const held = [...new Set(((await bidder.call('GET', '/api/v1/downloads/mine')) as { sectionId: string }[]).map((d) => d.sectionId))];
  const accounts: BondAccountView[] = [];
  for (const sectionId of held) {
    // A prequalification document asks no bond: bonds are for the bids.
    const terms = (await bidder.call('GET', `/api/v1/sections/${sectionId}/bidding`).catch(() => null)) as BiddingRequirements | null;
    if (terms?.sitting === 'application') continue;
    try {
      accounts.push((await bidder.call('POST', `/api/v1/bond-accounts/mine?sectionId=${sectionId}`)) as BondAccountView);
    } catch (err) {
      options.onSkipped?.('bond account', (err as Error).message);
    }
  }

  let paid = 0;
  if (!bank) options.onSkipped?.('bond deposits', 'the sandbox bank is off (SANDBOX=off)');
  else {
    const bidderName = DEMO_ENTITIES.find((e) => e.username === 'bidder.demo')?.name ?? 'bidder.demo';
    for (const a of accounts) {
      const missing = BigInt(a.requiredFen) - BigInt(a.receivedBeforeDeadlineFen);
      if (missing <= 0n || (a.bidDeadline && Date.parse(a.bidDeadline) <= now.getTime())) continue;
      await bank.transfer(db, { payeeAccount: a.accountNumber, amountFen: missing.toString(), payerAccount: DEMO_PAYER_ACCOUNT, payerName: bidderName });
      paid++;
    }
    if (paid > 0) {
      const staff = await db.selectFrom('identity.user_account').select(['id', 'region_code']).where('username', '=', 'staff.dongsheng').executeTakeFirst();
      if (!staff) options.onSkipped?.('bank statement', 'no staff.dongsheng account to import it');
      else {
        const xml = await bank.statement(db, { from: new Date(now.getTime() - DAY), to: new Date(options.clock.now().getTime() + 1000), format: 'camt053' });
        const region = String(staff.region_code);
        await built.finance.services.statements.importStatement(
          { bytes: Buffer.from(xml, 'utf8'), name: 'camt053-demo.xml' },
          { actor: { kind: 'user', id: String(staff.id), label: 'staff.dongsheng (staff)' }, userId: String(staff.id), kind: 'staff', regionCode: region, reach: [region], entity: null },
        );
      }
    }
  }

  // An e-guarantee by guarantor.demo, signed with its demo certificate.
  let guarantees = 0;
  const first = accounts.find((a) => !a.bidDeadline || Date.parse(a.bidDeadline) > now.getTime());
  const certFile = options.demoCaDir && join(options.demoCaDir, 'entities', 'guarantor.demo.cert.pem');
  const keyFile = options.demoCaDir && join(options.demoCaDir, 'entities', 'guarantor.demo.key.pem');
  if (!first) return { accounts: accounts.length, paid, guarantees };
  if (!certFile || !keyFile || !existsSync(certFile) || !existsSync(keyFile)) {
    options.onSkipped?.('e-guarantee', 'guarantor.demo has no demo certificate');
    return { accounts: accounts.length, paid, guarantees };
  }
  const guarantor = await as('guarantor.demo');
  // The whole loop's e-guarantee came through the one-stop; this one is registered by the guarantor.
  if (!((await guarantor.call('GET', '/api/v1/guarantees/mine')) as GuaranteeView[]).some((g) => g.terms.sectionId === first.sectionId)) {
    const section = (await bidder.call('GET', `/api/v1/sections/${first.sectionId}`)) as { code: string };
    const terms: GuaranteeTerms = {
      guaranteeNumber: `DEMO-BH-${now.getUTCFullYear()}-${section.code.replace(/[^A-Za-z0-9]/g, '').slice(-12) || '0001'}`,
      issuerCreditCode: creditCodeOf('guarantor.demo'),
      principalCreditCode: creditCodeOf('bidder.demo'),
      beneficiaryCreditCode: creditCodeOf('tenderer.demo'),
      sectionId: first.sectionId,
      amountFen: (BigInt(first.requiredFen) > 0n ? BigInt(first.requiredFen) : DEMO_GUARANTEE_FEN).toString(),
      validFrom: new Date(now.getTime() - DAY).toISOString(),
      validUntil: new Date((first.bidDeadline ? Date.parse(first.bidDeadline) : now.getTime()) + 180 * DAY).toISOString(),
    };
    const [cert, ...chain] = parseCertificates(readFileSync(certFile, 'utf8'));
    const key = privateKeyFromPem(readFileSync(keyFile, 'utf8'));
    const signature = toBase64(signCmsDetached(canonicalJson(terms), { key, cert: cert!, chain }, { signingTime: options.clock.now() }));
    try {
      await guarantor.call('POST', '/api/v1/guarantees', { terms, signature });
      guarantees++;
    } catch (err) {
      options.onSkipped?.('e-guarantee', (err as Error).message);
    }
  }
  return { accounts: accounts.length, paid, guarantees };
}

/** guarantor.demo's terms on the sandbox issuer interface: 0.5 % of the guaranteed amount, at least 200 yuan. */
export const DEMO_ISSUER_RATE_BP = 50;
export const DEMO_ISSUER_MINIMUM_FEN = 20_000n;

/**
 * The e-guarantee one-stop in the demo (decision 0037): guarantor.demo, a guarantee company, answers on
 * the sandbox issuer interface, signing guarantees and e-invoices with the key of its demo certificate
 * (bound to its entity at start), so that every signature the platform checks is real.
 */
export async function enrolDemoIssuer(built: BuiltApp, db: Db, options: { demoCaDir?: string; onSkipped?: (stage: string, reason: string) => void }): Promise<boolean> {
  const issuer = built.finance.sandboxIssuer;
  if (!issuer) {
    options.onSkipped?.('e-guarantee issuer', 'the sandbox is off (SANDBOX=off)');
    return false;
  }
  const certFile = options.demoCaDir && join(options.demoCaDir, 'entities', 'guarantor.demo.cert.pem');
  const keyFile = options.demoCaDir && join(options.demoCaDir, 'entities', 'guarantor.demo.key.pem');
  const demo = DEMO_ENTITIES.find((e) => e.username === 'guarantor.demo')!;
  const entity = await db.selectFrom('identity.market_entity').select(['id']).where('credit_code', '=', demoCreditCode(demo)).executeTakeFirst();
  if (!certFile || !keyFile || !existsSync(certFile) || !existsSync(keyFile) || !entity) {
    options.onSkipped?.('e-guarantee issuer', 'guarantor.demo has no demo certificate');
    return false;
  }
  await issuer.enrol({
    entityId: String(entity.id),
    kind: 'guaranteeCompany',
    rateBp: DEMO_ISSUER_RATE_BP,
    minimumFen: DEMO_ISSUER_MINIMUM_FEN,
    name: demo.name,
    creditCode: demoCreditCode(demo),
    keyPem: readFileSync(keyFile, 'utf8'),
    certificatePem: readFileSync(certFile, 'utf8'),
  });
  return true;
}
