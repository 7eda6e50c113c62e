import { randomInt } from 'node:crypto';
import type { GuaranteeInvoice, GuaranteeTerms } from '@bidhall/contracts';
import { canonicalJson, parseCertificates, privateKeyFromPem, signCmsDetached, toBase64 } from '@bidhall/crypto';
import { GUARANTEE_VAT_RATE_BP, guaranteePremiumFen, vatSplitFen } from '@bidhall/rules';
import type { FinanceDeps, GuaranteeIssuerPort, IssuerOffer } from './finance.deps.ts';
import { issuanceTables } from './issuance.tables.ts';

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(0, 10))).join('');
const day = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

/** What an issuer answers when it will not do what it was asked (the platform reports it as the issuer's refusal). */
export class IssuerRefusal extends Error {}

export interface SandboxIssuerEnrolment {
  entityId: string;
  kind: IssuerOffer['kind'];
  rateBp: number;
  minimumFen: bigint;
  name: string;
  creditCode: string;
  /** PKCS#8 PEM of the key of a certificate bound to the issuer's entity. */
  keyPem: string;
  /** That certificate, with its chain after it. */
  certificatePem: string;
}

/**
 * The sandbox issuers (SANDBOX on, decision 0037): in-process stand-ins for the issuers' own systems,
 * implementing the issuer interface exactly as an adapter to a bank, an insurer or a guarantee company
 * would — an order per application id, the premium taken once, the guarantee and the e-invoice signed
 * with the key of the issuer's bound certificate, claims paid once per claim id. Their books are their
 * own tables; the platform's records are made from their answers, as from any issuer's.
 */
export function createSandboxIssuer(deps: Pick<FinanceDeps, 'db' | 'clock'>): GuaranteeIssuerPort & {
  enrol(e: SandboxIssuerEnrolment): Promise<void>;
} {
  const t = () => issuanceTables(deps.db);

  async function issuerOf(entityId: string) {
    const row = await t().selectFrom('finance.sandbox_issuer').selectAll().where('entity_id', '=', entityId).executeTakeFirst();
    if (!row) throw new IssuerRefusal(`no issuer ${entityId} on the sandbox`);
    return row;
  }

  async function orderOf(applicationId: string) {
    const row = await t().selectFrom('finance.sandbox_issuer_order').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
    if (!row) throw new IssuerRefusal(`no application ${applicationId} with the issuer`);
    return row;
  }

  function sign(issuer: { key_pem: string; certificate_pem: string }, content: Uint8Array): string {
    const [cert, ...chain] = parseCertificates(issuer.certificate_pem);
    return toBase64(signCmsDetached(content, { key: privateKeyFromPem(issuer.key_pem), cert: cert!, chain }, { signingTime: deps.clock.now() }));
  }

  return {
    async enrol(e) {
      const row = {
        entity_id: e.entityId,
        kind: e.kind,
        rate_bp: e.rateBp,
        minimum_fen: e.minimumFen.toString(),
        name: e.name,
        credit_code: e.creditCode,
        key_pem: e.keyPem,
        certificate_pem: e.certificatePem,
        enrolled_at: deps.clock.now(),
      };
      await t()
        .insertInto('finance.sandbox_issuer')
        .values(row)
        .onConflict((oc) =>
          oc.column('entity_id').doUpdateSet({ kind: e.kind, rate_bp: e.rateBp, minimum_fen: row.minimum_fen, name: e.name, credit_code: e.creditCode, key_pem: e.keyPem, certificate_pem: e.certificatePem }),
        )
        .execute();
    },

    async offers() {
      const rows = await t().selectFrom('finance.sandbox_issuer').selectAll().orderBy('rate_bp').orderBy('entity_id').execute();
      return rows.map((r) => ({ entityId: r.entity_id, kind: r.kind, rateBp: r.rate_bp, minimumPremiumFen: BigInt(r.minimum_fen) }));
    },

    async quote(q) {
      const issuer = await issuerOf(q.issuerEntityId);
      if (q.validUntil <= q.validFrom) throw new IssuerRefusal('the guarantee ends before it starts');
      return { premiumFen: guaranteePremiumFen(q.amountFen, issuer.rate_bp, BigInt(issuer.minimum_fen)), rateBp: issuer.rate_bp };
    },

    async apply(a) {
      const issuer = await issuerOf(a.issuerEntityId);
      if (a.terms.issuerCreditCode !== issuer.credit_code) throw new IssuerRefusal('the terms name another issuer');
      const premium = guaranteePremiumFen(BigInt(a.terms.amountFen), issuer.rate_bp, BigInt(issuer.minimum_fen));
      if (premium !== a.premiumFen) throw new IssuerRefusal(`the premium is ${premium} fen, not ${a.premiumFen}`);
      const now = deps.clock.now();
      await t()
        .insertInto('finance.sandbox_issuer_order')
        .values({
          application_id: a.applicationId,
          issuer_entity_id: issuer.entity_id,
          reference: `SQ${day(now)}${digits(10)}`,
          terms: JSON.stringify(a.terms),
          principal_name: a.principal.name,
          premium_fen: premium.toString(),
          accepted_at: now,
          payment_serial: null,
          paid_at: null,
          payer_account: null,
          guarantee_number: null,
          guarantee_content: null,
          guarantee_signature: null,
          invoice_number: null,
          invoice_content: null,
          invoice_signature: null,
          issued_at: null,
          cancelled_at: null,
          refund_serial: null,
          refund_fen: null,
        })
        .onConflict((oc) => oc.column('application_id').doNothing())
        .execute();
      return { reference: (await orderOf(a.applicationId)).reference };
    },

    async payPremium(p) {
      const order = await orderOf(p.applicationId);
      if (order.payment_serial && order.paid_at) return { serial: order.payment_serial, paidAt: order.paid_at, amountFen: BigInt(order.premium_fen) };
      if (order.cancelled_at) throw new IssuerRefusal('the application was cancelled');
      if (p.amountFen !== BigInt(order.premium_fen)) throw new IssuerRefusal(`the premium is ${order.premium_fen} fen, not ${p.amountFen}`);
      const now = deps.clock.now();
      // Once per application: a second payment finds the first.
      await t()
        .updateTable('finance.sandbox_issuer_order')
        .set({ payment_serial: `SP${day(now)}${digits(12)}`, paid_at: now, payer_account: p.payerAccount })
        .where('application_id', '=', p.applicationId)
        .where('payment_serial', 'is', null)
        .where('cancelled_at', 'is', null)
        .execute();
      const paid = await orderOf(p.applicationId);
      if (!paid.payment_serial || !paid.paid_at) throw new IssuerRefusal('the application was cancelled');
      return { serial: paid.payment_serial, paidAt: paid.paid_at, amountFen: BigInt(paid.premium_fen) };
    },

    async issue(applicationId) {
      let order = await orderOf(applicationId);
      if (!order.guarantee_content) {
        if (!order.paid_at) throw new IssuerRefusal('the premium is not paid');
        if (order.cancelled_at) throw new IssuerRefusal('the application was cancelled');
        const issuer = await issuerOf(order.issuer_entity_id);
        const now = deps.clock.now();
        const number = `BH${issuer.kind === 'bank' ? 'B' : issuer.kind === 'insurer' ? 'I' : 'G'}-${day(now)}-${digits(8)}`;
        const terms: GuaranteeTerms = { ...(JSON.parse(order.terms) as Omit<GuaranteeTerms, 'guaranteeNumber'>), guaranteeNumber: number };
        const premium = BigInt(order.premium_fen);
        const split = vatSplitFen(premium, GUARANTEE_VAT_RATE_BP);
        const invoice: GuaranteeInvoice = {
          // 全电发票: 20 digits, the year's two digits first.
          invoiceNumber: `${String(now.getUTCFullYear()).slice(2)}${digits(18)}`,
          issuedAt: now.toISOString(),
          seller: { name: issuer.name, creditCode: issuer.credit_code },
          buyer: { name: order.principal_name, creditCode: terms.principalCreditCode },
          item: '*金融服务*投标保函担保费',
          guaranteeNumber: number,
          amountFen: split.amountFen.toString(),
          taxRateBp: GUARANTEE_VAT_RATE_BP,
          taxFen: split.taxFen.toString(),
          totalFen: premium.toString(),
        };
        const content = Buffer.from(canonicalJson(terms)).toString('utf8');
        const invoiceContent = Buffer.from(canonicalJson(invoice)).toString('utf8');
        await t()
          .updateTable('finance.sandbox_issuer_order')
          .set({
            guarantee_number: number,
            guarantee_content: content,
            guarantee_signature: sign(issuer, Buffer.from(content, 'utf8')),
            invoice_number: invoice.invoiceNumber,
            invoice_content: invoiceContent,
            invoice_signature: sign(issuer, Buffer.from(invoiceContent, 'utf8')),
            issued_at: now,
          })
          .where('application_id', '=', applicationId)
          .where('guarantee_content', 'is', null)
          .execute();
        order = await orderOf(applicationId);
      }
      return { content: order.guarantee_content!, signature: order.guarantee_signature!, invoice: { content: order.invoice_content!, signature: order.invoice_signature! } };
    },

    async payClaim(c) {
      const order = await orderOf(c.applicationId);
      if (!order.guarantee_number || order.guarantee_number !== c.guaranteeNumber) throw new IssuerRefusal(`no guarantee ${c.guaranteeNumber} on this application`);
      const terms = JSON.parse(order.terms) as { amountFen: string };
      if (c.amountFen <= 0n || c.amountFen > BigInt(terms.amountFen)) throw new IssuerRefusal(`a claim of ${c.amountFen} fen exceeds the guarantee's ${terms.amountFen}`);
      const now = deps.clock.now();
      await t()
        .insertInto('finance.sandbox_issuer_claim')
        .values({ claim_id: c.claimId, application_id: c.applicationId, amount_fen: c.amountFen.toString(), payee_account: c.payeeAccount, payment_serial: `SC${day(now)}${digits(12)}`, paid_at: now })
        .onConflict((oc) => oc.column('claim_id').doNothing())
        .execute();
      const row = await t().selectFrom('finance.sandbox_issuer_claim').selectAll().where('claim_id', '=', c.claimId).executeTakeFirstOrThrow();
      return { serial: row.payment_serial, paidAt: row.paid_at, amountFen: BigInt(row.amount_fen) };
    },

    async cancel(c) {
      const now = deps.clock.now();
      const order = await orderOf(c.applicationId);
      if (!order.cancelled_at) {
        // A premium paid for a guarantee never issued (or that the platform refused) goes back; an
        // accepted guarantee's premium is earned.
        const refund = order.paid_at && !(order.issued_at && c.accepted);
        await t()
          .updateTable('finance.sandbox_issuer_order')
          .set({ cancelled_at: now, refund_serial: refund ? `SR${day(now)}${digits(12)}` : null, refund_fen: refund ? order.premium_fen : null })
          .where('application_id', '=', c.applicationId)
          .where('cancelled_at', 'is', null)
          .execute();
      }
      const done = await orderOf(c.applicationId);
      return {
        cancelledAt: done.cancelled_at!,
        refund: done.refund_serial && done.refund_fen ? { serial: done.refund_serial, amountFen: BigInt(done.refund_fen) } : null,
      };
    },
  };
}

export type SandboxIssuer = ReturnType<typeof createSandboxIssuer>;
