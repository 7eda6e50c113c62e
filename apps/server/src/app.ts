import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { type Clock, RULE_PROFILES } from '@bidhall/rules';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { createAuditTrail } from './platform/audit/audit-trail.ts';
import type { PlatformSigningKey } from './platform/keys/signing-key.ts';
import { derivedKey } from './platform/keys/derived-key.ts';
import { createTransparencyLog, LOG_HEAD_JOB } from './platform/log/transparency-log.ts';
import { createTimeAuthority } from './platform/time/time-authority.ts';
import { DEFAULT_NTP_SERVERS, parseNtpServer } from './platform/time/sntp.ts';
import { createTimeSource, timeErrors } from './platform/time/time-source.ts';
import { securityHeadersPlugin } from './platform/http/security-headers.ts';
import { buildLogReceipt, registerLogRoutes } from './platform/http/log.routes.ts';
import { registerLogWitnessRoutes } from './platform/http/log-witness.routes.ts';
import { createCosignatures } from './platform/log/cosignatures.ts';
import { createHeadPublication, headCron } from './platform/log/head-publication.ts';
import { logErrors } from './platform/log/log.errors.ts';
import type { AppConfig } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { ErrorRegistry } from './platform/errors/domain-error.ts';
import { accessPlugin, type RegisteredRoute } from './platform/http/access.ts';
import type { ScopeResolvers } from './platform/auth/scope.ts';
import { errorPlugin } from './platform/http/error-plugin.ts';
import { rateLimitPlugin } from './platform/http/rate-limit.ts';
import { registerDemoOcspRoutes } from './demo/demo-ocsp.ts';
import { inputGuardPlugin } from './platform/http/input-guard.ts';
import { bodyLimitPlugin } from './platform/http/body-limit.ts';
import { expectContinuePlugin } from './platform/http/expect-continue.ts';
import { arrivalPlugin } from './platform/http/arrival.ts';
import { readOncePlugin } from './platform/http/read-once.ts';
import { registerAuditRoutes } from './platform/http/audit.routes.ts';
import { registerSystemRoutes } from './platform/http/system.routes.ts';
import { registerTimeRoutes } from './platform/http/time.routes.ts';
import type { AppInstance } from './platform/http/types.ts';
import { registerWeb } from './platform/http/web.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import { createBlobStore } from './platform/storage/blob-store.ts';
import { metricsPlugin } from './platform/metrics/metrics.ts';
import { createBiddingModule } from './modules/bidding/index.ts';
import { createCatalogModule } from './modules/catalog/index.ts';
import { checkNoticeHtml, createDisclosureModule } from './modules/disclosure/index.ts';
import { createDocumentsModule } from './modules/documents/index.ts';
import { createExchangeModule } from './modules/exchange/index.ts';
import { createFinanceModule } from './modules/finance/index.ts';
import { createEvaluationModule } from './modules/evaluation/index.ts';
import { createAwardModule } from './modules/award/index.ts';
import { createAppraisalModule } from './modules/appraisal/index.ts';
import { createContractModule } from './modules/contract/index.ts';
import { createPrequalificationModule } from './modules/prequalification/index.ts';
import { createExpertsModule, createSandboxGateway } from './modules/experts/index.ts';
import { accountLookup, createIdentityModule, entityLookup, ocspTransport, personRefOf, searchBidders } from './modules/identity/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createOpeningModule } from './modules/opening/index.ts';
import { createProjectsModule } from './modules/projects/index.ts';
import { createTenderingModule } from './modules/tendering/index.ts';
import { createTrustModule } from './modules/trust/index.ts';

export interface AppDeps {
  config: Pick<AppConfig, 'bodyLimit' | 'sessionTtlHours' | 'cookieSecure' | 'logLevel' | 'webDist'> &
    Partial<Pick<AppConfig, 'trustStoreDir' | 'certificateChallengeTtlSeconds' | 'blobDir' | 'exchangeSandbox' | 'approvalServiceUrl' | 'publicServiceUrl' | 'designatedMediaUrl' | 'supervisionUrl' | 'publicBaseUrl' | 'ruleProfile' | 'ntpServers' | 'timeTrust' | 'timeMaxOffsetMs' | 'timeMaxAgeSeconds' | 'trustProxy' | 'redisUrl' | 'rateLimitScale' | 'certificateChallengeBounds'>> &
    Partial<Pick<AppConfig, 'logHeadIntervalMinutes' | 'passwordCost'>>;
  database: Database;
  clock: Clock;
  jobs: JobQueue;
  signingKey: PlatformSigningKey;
  logger?: LoggerOptions | boolean;
  /** Prefix of this app's rate limit keys in Redis (tests keep theirs apart). */
  rateLimitNamespace?: string;
  /** The demo PKI's folder: its CAs' OCSP responders are served under /sandbox/ocsp (demo only). */
  demoCaDir?: string;
}

/** The composition root: platform plugins, then every module, wired with only what each needs. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimit,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    // Off unless TRUST_PROXY names the proxies: otherwise anyone could set the audited address (decision 0013).
    trustProxy: deps.config.trustProxy?.length ? deps.config.trustProxy : false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>() as AppInstance;
  let shuttingDown = false;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // While shutting down, a finished keep-alive connection must not hold the server open.
    if (shuttingDown) reply.header('connection', 'close');
  });

  const db = deps.database.db;
  const log = createTransparencyLog({ clock: deps.clock, signingKey: deps.signingKey });
  const audit = createAuditTrail({ clock: deps.clock, log });
  // F-07 (decision 0015): strict unless told otherwise; the demo and the tests say lenient.
  const timeSource = createTimeSource({
    clock: deps.clock,
    servers: deps.config.ntpServers ?? DEFAULT_NTP_SERVERS.map(parseNtpServer),
    maxOffsetMs: deps.config.timeMaxOffsetMs ?? 1000,
    maxAgeSeconds: deps.config.timeMaxAgeSeconds ?? 300,
    mode: deps.config.timeTrust ?? 'strict',
    onChange: (v) => app.log[v.state === 'synchronised' ? 'info' : 'warn']({ time: v }, `clock ${v.state} against the time servers`),
  });
  const timeAuthority = createTimeAuthority({ clock: deps.clock, signingKey: deps.signingKey, guard: timeSource });
  const errors = new ErrorRegistry();
  errors.register(timeErrors);
  const routes: RegisteredRoute[] = [];
  let jobsRunning = false;

  const catalog = await createCatalogModule({ db, clock: deps.clock, audit });
  const notifications = createNotificationsModule({ db, clock: deps.clock });
  // Outside systems; in sandbox mode (the demo's) their stand-ins are this app's own /sandbox routes.
  const exchange = createExchangeModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    sandbox: deps.config.exchangeSandbox ?? false,
    approvalServiceUrl: deps.config.approvalServiceUrl,
    publicServiceUrl: deps.config.publicServiceUrl,
    designatedMediaUrl: deps.config.designatedMediaUrl,
    supervisionUrl: deps.config.supervisionUrl,
    selfInject: (request) => app.inject(request),
  });
  // Signed heads published at a fixed interval (decision 0014): on the portal, and to the public service
  // platform through the outbox in the same transaction; each is a commitment verifiers hold the log to.
  const headPublication = createHeadPublication({ log, clock: deps.clock });
  const cosignatures = createCosignatures({ clock: deps.clock });
  deps.jobs.define({
    name: LOG_HEAD_JOB,
    cron: headCron(deps.config.logHeadIntervalMinutes ?? 10),
    handle: async () =>
      void (await headPublication.publish(db, async (trx, head) => {
        await exchange.outbox.enqueue(trx, { kind: 'logTreeHead', subjectType: 'logTreeHead', subjectId: String(head.treeSize), regionCode: null, content: head });
      })),
  });
  const personKey = derivedKey(deps.signingKey, 'person-ref v1');
  const identity = createIdentityModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    sessionTtlHours: deps.config.sessionTtlHours,
    personKey,
    cookieSecure: deps.config.cookieSecure,
    trustStoreDir: deps.config.trustStoreDir,
    certificateChallengeTtlSeconds: deps.config.certificateChallengeTtlSeconds,
    certificateChallengeBounds: deps.config.certificateChallengeBounds,
    passwordCost: deps.config.passwordCost,
    // A responder on this platform's own address (the demo's sandbox CA) is asked in-process.
    ocspTransport: ocspTransport({
      selfOrigin: deps.config.publicBaseUrl ?? 'http://localhost:3000',
      selfInject: async (request) => app.inject(request),
    }),
    regions: {
      exists: async (code) => catalog.catalog.regionExists(code),
      codesWithin: async (scope) => catalog.catalog.codesWithin(scope),
    },
    notify: notifications.notify,
    outbox: exchange.outbox,
  });
  // The recognised CAs are read before the first request; a folder that cannot be read stops the start.
  await identity.trust.reload();
  // `publish` (decision 0008): disclosure stores, exchange's outbox carries the same canonical JSON.
  const disclosure = createDisclosureModule({ db, clock: deps.clock, audit, log, outbox: exchange.outbox });
  const projects = createProjectsModule({
    db,
    clock: deps.clock,
    audit,
    catalog: catalog.catalog,
    calendar: catalog.calendar,
    timetableRules: RULE_PROFILES[deps.config.ruleProfile ?? 'statutory'].rules,
    approvals: exchange.approvals,
    entities: entityLookup,
    verifyEntitySignature: identity.verifyEntitySignature,
    outbox: exchange.outbox,
    notify: notifications.notify,
  });
  // A draw belongs to its subject: the section's region and parties, read through projects' port.
  const trust = createTrustModule({
    db,
    clock: deps.clock,
    audit,
    log,
    subjects: {
      section: async (trx, id) => {
        const s = await projects.sections.get(trx, id);
        return s && { regionCode: s.regionCode, tendererEntityId: s.tendererEntityId, agencyEntityId: s.agencyEntityId };
      },
    },
  });
  const blobDir = deps.config.blobDir ?? resolve('data/blobs');
  const blobs = createBlobStore(blobDir);
  const documents = await createDocumentsModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    blobs,
    signingKey: deps.signingKey,
    timeAuthority,
    timeGuard: timeSource,
    sections: projects.sections,
    publish: disclosure.publish,
    verifyEntitySignature: identity.verifyEntitySignature,
    outbox: exchange.outbox,
    notify: notifications.notify,
    // bidders whose sealed bids answer an earlier version are asked to confirm or replace them.
    onClarificationIssued: (trx, event) => bidding.onClarificationIssued(trx, event),
    // Decisions 0032, 0039: a prequalified section's tender document goes to the applicants who passed,
    // once the tenderer's results are verified and issued (null before).
    prequalification: (trx, sectionId) => prequalification.qualified(trx, sectionId),
  });
  const tendering = createTenderingModule({
    db,
    clock: deps.clock,
    audit,
    publicBaseUrl: deps.config.publicBaseUrl ?? 'http://localhost:3000',
    calendar: catalog.calendar.current,
    timetableRules: RULE_PROFILES[deps.config.ruleProfile ?? 'statutory'].rules,
    regions: { codesWithin: async (scope) => catalog.catalog.codesWithin(scope) },
    sections: projects.sections,
    publish: disclosure.publish,
    documents,
    checkNoticeHtml,
    bidders: { search: searchBidders },
    notify: notifications.notify,
    // B-007: invitees drawn with trust's verifiable draws.
    draws: trust.draws,
    timeGuard: timeSource,
  });
  // Bid bonds (issue 10 §4): sub-accounts for holders of the document, statements, e-guarantees; bidding asks `bonds.check`.
  const finance = createFinanceModule({
    db,
    clock: deps.clock,
    audit,
    log,
    sections: projects.sections,
    documents: {
      isHolder: async (trx, sectionId, entityId) => {
        const doc = await documents.bidding.issuedFor(trx, sectionId);
        return doc !== null && (await documents.bidding.hasObtained(trx, doc.id, entityId));
      },
      bondTerms: async (trx, sectionId) => {
        const doc = await documents.bidding.issuedFor(trx, sectionId);
        if (!doc) return null;
        const bond = doc.values.instructions?.bidBondFen?.trim() ?? '';
        const validity = doc.values.instructions?.bidValidityDays?.trim() ?? '';
        return { bidBondFen: /^\d+$/.test(bond) ? BigInt(bond) : 0n, bidValidityDays: /^\d+$/.test(validity) ? Number(validity) : null };
      },
    },
    entities: entityLookup,
    verifyEntitySignature: identity.verifyEntitySignature,
    sandbox: deps.config.exchangeSandbox ?? false,
    jobs: deps.jobs,
    // Refunds are due 2 working days after the request (task 10), on the calendar in force.
    calendar: () => catalog.calendar.current(),
    // A live bid's bond is held until the result (decision 0033).
    bids: { hasLiveBid: (trx, sectionId, round, entityId) => bidding.hasLiveBid(trx, sectionId, round, entityId) },
    // Performance bonds and fees follow the issued award notice (decision 0038; award is built below, called only later).
    awarded: (trx, sectionId) => award.awarded(trx, sectionId),
    // Decision 0042: a forfeiture's ground is checked against the opening's, the award's and the contract's record.
    forfeitureFacts: {
      unsealOutcome: (trx, sectionId, round, entityId) => opening.bidders.unsealOutcome(trx, sectionId, round, entityId),
      passedOver: (trx, sectionId) => award.passedOver(trx, sectionId),
      contractStanding: (trx, sectionId) => contract.reading.signing(trx, sectionId),
    },
    notify: notifications.notify,
  });
  // Sealed bids (decision 0019): received blind, only the bidding entity sees its bid before the opening.
  const bidding = createBiddingModule({
    db,
    clock: deps.clock,
    audit,
    log,
    logReceipt: (db2, index) => buildLogReceipt({ log, timeAuthority }, db2, index),
    regions: { chainOf: (code) => regionChain(catalog.catalog.regions(), code) },
    jobs: deps.jobs,
    blobs,
    uploadDir: join(blobDir, 'uploads'),
    signingKey: deps.signingKey,
    timeAuthority,
    timeGuard: timeSource,
    sections: projects.sections,
    documents: documents.bidding,
    boundCertificate: identity.boundCertificate,
    bonds: finance.bonds,
    notify: notifications.notify,
    // A-99 with task 10: a bid withdrawn before the deadline has its deposits refunded.
    onBidWithdrawn: (trx, bid, actor) => finance.onBidWithdrawn(trx, bid, actor),
  });
  // The remote opening hall (decision 0021): bids only after the deadline, through bidding's hall port.
  const opening = createOpeningModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    blobs,
    signingKey: deps.signingKey,
    timeGuard: timeSource,
    regions: { chainOf: (code) => regionChain(catalog.catalog.regions(), code) },
    sections: projects.sections,
    terms: {
      // The sitting's document: the prequalification document's opening has no price coefficient.
      termsFor: async (trx, sectionId, sitting) => {
        const doc = await documents.bidding.issuedFor(trx, sectionId, sitting === 'application' ? 'prequalification' : 'tender');
        if (!doc) return null;
        const minutes = Number(doc.values.instructions?.unsealWindowMinutes?.trim() || '30');
        return {
          bidSummaryFields: doc.bidSummaryFields,
          unsealWindowMinutes: Number.isInteger(minutes) && minutes >= 5 && minutes <= 1440 ? minutes : 30,
          remedyAllowed: doc.values.instructions?.unsealRemedy === '由开标密钥保管人解密',
          coefficient: sitting === 'bid' && doc.method?.type === 'scoring' ? doc.method.priceFormula.benchmark.coefficient : null,
        };
      },
    },
    bids: bidding.hall,
    boundCertificate: identity.boundCertificate,
    publish: disclosure.publish,
    // The price coefficient drawn at opening with trust's verifiable draws.
    draws: trust.draws,
    // Bid guarantees verified again as the hall opens (decision 0037).
    bonds: { recheck: (trx, input) => finance.bonds.recheck(trx, input) },
  });
  // The expert pool and the committee draw (issue 12): avoidance reads the opened hall's bidders.
  const experts = createExpertsModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    personRef: (idNumber) => personRefOf(personKey, idNumber),
    sections: projects.sections,
    bidders: opening.bidders,
    entities: entityLookup,
    accounts: accountLookup,
    draws: trust.draws,
    notify: notifications.notify,
    outbox: exchange.outbox,
    regions: {
      codesWithin: (code) => catalog.catalog.codesWithin(code),
      chainOf: (code) => regionChain(catalog.catalog.regions(), code),
    },
    gateway: deps.config.exchangeSandbox ? createSandboxGateway({ clock: deps.clock }) : null,
  });
  // Evaluation (issue 12 §4): the accepted committee, the readout and its coefficient, the document's method.
  const evaluation = createEvaluationModule({
    db,
    clock: deps.clock,
    audit,
    sections: projects.sections,
    // The bids' committee, or the prequalification review's (资格审查委员会, decision 0032).
    committee: { members: (trx, sectionId, sitting) => (sitting === 'bid' ? experts.committee : experts.reviewCommittee).members(trx, sectionId) },
    readout: opening.readout,
    methods: {
      methodOf: async (trx, sectionId, sitting) => {
        const doc = await documents.bidding.issuedFor(trx, sectionId, sitting === 'bid' ? 'tender' : 'prequalification');
        const method = doc?.method;
        if (!method) return null;
        const bids = method.type === 'scoring' || method.type === 'lowestEvaluatedPrice';
        return bids === (sitting === 'bid') ? method : null;
      },
    },
    effectiveDocument: documents.effectiveDocument,
    accounts: { byId: (trx, userId) => accountLookup.byId(trx, userId) },
    notify: notifications.notify,
    // The report (decision 0026): members sign with their own certificates; the complete report goes to the
    // supervision platform through the outbox, and the supervisors answering for the section's region hear of it.
    personalCertificate: identity.personalCertificate,
    supervision: (trx, message) => exchange.outbox.enqueue(trx, { ...message, destination: 'supervision' }),
    supervisors: (trx, regionCode) => accountLookup.supervisorIds(trx, regionChain(catalog.catalog.regions(), regionCode)),
    // B-024: a government procurement tender failed at the evaluation goes to its next round, as the opening's does.
    retender: (trx, sectionId, reason, actor) => projects.sections.retender(trx, sectionId, reason, actor),
    // Venues are assigned within a city or from the shared pool (decision 0027).
    regions: { cityOf: (code) => regionChain(catalog.catalog.regions(), code).find((c) => catalog.catalog.regions().find((r) => r.code === c)?.level === 'city') ?? null },
    // Clarifications (decision 0029): bidders sign answers with their bound certificates; their files go to the blob store.
    clarifications: { boundCertificate: identity.boundCertificate, blobs },
    // The committee reads and compares the bids (decision 0028): opening's evaluation copies, the document's requirements.
    evaluationCopy: opening.evaluationCopy,
    requirements: {
      requirementsOf: async (trx, sectionId) => {
        const doc = await documents.bidding.issuedFor(trx, sectionId, 'tender');
        if (!doc) return null;
        const digits = (v: string | null | undefined) => (v && /^\d{1,18}$/.test(v.trim()) ? v.trim() : null);
        const days = digits(doc.values.instructions?.durationDays);
        return {
          controlPriceFen: digits(doc.values.notice?.ceilingPriceFen),
          maxDurationDays: days === null ? null : Number(days),
          qualityStandard: doc.values.instructions?.qualityStandard?.trim() || null,
          bidBondFen: digits(doc.values.instructions?.bidBondFen),
          fields: doc.bidSummaryFields,
          parts: doc.parts.map((p) => ({ key: p.key, name: p.name })),
        };
      },
      billOf: (trx, sectionId) => documents.bidding.issuedBill(trx, sectionId),
    },
  });
  // Prequalification results (decision 0039): from the completed review, the tenderer's letters to every
  // applicant, signed, verified by staff, issued, pushed and published; documents reads the issued list.
  const prequalification = createPrequalificationModule({
    db,
    clock: deps.clock,
    audit,
    sections: projects.sections,
    // The completed review: every application's verdict once its report is signed by every member.
    review: (trx, sectionId) => evaluation.reviewOutcome(trx, sectionId),
    publish: disclosure.publish,
    notify: notifications.notify,
    boundCertificate: identity.boundCertificate,
    // The signed letters to the public service platform, through the outbox.
    outbox: (trx, message) => exchange.outbox.enqueue(trx, message),
  });
  // Award (decision 0034): the completed report's candidates published, objections to the result answered.
  const award = createAwardModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    calendar: () => catalog.calendar.current(),
    sections: projects.sections,
    result: (trx, sectionId) => evaluation.result(trx, sectionId),
    holder: async (trx, sectionId, entityId) => {
      const doc = await documents.bidding.issuedFor(trx, sectionId);
      return doc !== null && (await documents.bidding.hasObtained(trx, doc.id, entityId));
    },
    publish: disclosure.publish,
    notify: notifications.notify,
    supervisors: (trx, regionCode) => accountLookup.supervisorIds(trx, regionChain(catalog.catalog.regions(), regionCode)),
    boundCertificate: identity.boundCertificate,
    // The written report to the supervisor and the letters to the public service platform, through the outbox.
    outbox: (trx, message) => exchange.outbox.enqueue(trx, message),
    // Reg. 57: the losers' bid bonds come back once the letters are issued.
    refunds: (trx, result, actor) => finance.onResult(trx, result, actor),
    // 评定分离 (decision 0040): a lot among the award committee's shortlist is a verifiable draw.
    draws: trust.draws,
    // Law 46: the contract's 30 days start with the award notice (contract is built below; called only later).
    // Decision 0038: the section's fees are charged from its region's schedule in the same transaction.
    onAwardNoticeIssued: async (trx, sectionId) => {
      await contract.onAwardNoticeIssued(trx, sectionId);
      await finance.onAwardNoticeIssued(trx, sectionId, { kind: 'system', label: 'finance.fees' });
    },
  });
  // The contract (decision 0036): drafted from the award, the winning bid's readout and the document's contract chapter.
  const contract = createContractModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    calendar: () => catalog.calendar.current(),
    sections: projects.sections,
    // The section's award once the award notice is issued (award's letters).
    awarded: (trx, sectionId) => award.awarded(trx, sectionId),
    terms: async (trx, sectionId) => {
      const doc = await documents.bidding.issuedFor(trx, sectionId, 'tender');
      if (!doc) return null;
      const text = (v: string | null | undefined) => v?.trim() || null;
      return {
        documentId: doc.id,
        version: doc.version,
        contentSm3: doc.contentSm3,
        paymentTerms: text(doc.values.contract?.paymentTerms),
        specialTerms: text(doc.values.contract?.specialTerms),
        durationDays: text(doc.values.instructions?.durationDays),
        qualityStandard: text(doc.values.instructions?.qualityStandard),
      };
    },
    // The winning bid as read out at the opening: its duration, quality and (where the document asks for one) manager.
    winningBid: async (trx, sectionId, bidId) => {
      const readout = await opening.readout.readoutOf(trx, sectionId, 'bid');
      const bid = readout?.bids.find((b) => b.bidId === bidId);
      if (!bid) return null;
      const value = (k: string) => (bid.values[k] === null || bid.values[k] === undefined ? null : String(bid.values[k]));
      return { durationDays: value('durationDays'), quality: value('quality'), projectManager: value('projectManager') };
    },
    publish: disclosure.publish,
    notify: notifications.notify,
    supervisors: (trx, regionCode) => accountLookup.supervisorIds(trx, regionChain(catalog.catalog.regions(), regionCode)),
    boundCertificate: identity.boundCertificate,
    // Reg. 57: the winner's bid bond comes back once the contract is signed.
    refundBond: (trx, bond, actor) => finance.onResult(trx, { sectionId: bond.sectionId, round: bond.round, entityIds: [bond.entityId], reason: 'contractSigned' }, actor),
    // Decision 0038: the tenderer records the contract as performed; the winner's performance bond is released.
    onPerformed: (trx, performed, actor) => finance.onContractPerformed(trx, performed, actor),
  });
  // The daily appraisal of agencies (task 26, decision 0044): rated once the section's award is decided.
  const appraisal = createAppraisalModule({
    db,
    clock: deps.clock,
    audit,
    sections: projects.sections,
    awardDecision: async (trx, sectionId) => {
      const section = await projects.sections.get(trx, sectionId);
      const decision = section && (await award.decisions.current(trx, section));
      return decision ? { decidedAt: decision.decided_at } : null;
    },
    entities: entityLookup,
    regions: { codesWithin: (code) => catalog.catalog.codesWithin(code) },
    notify: notifications.notify,
  });
  const modules = [catalog, notifications, identity, trust, projects, exchange, disclosure, tendering, documents, finance, bidding, opening, experts, evaluation, prequalification, award, contract, appraisal];
  for (const m of modules) errors.register(m.errors);
  errors.register(logErrors);

  await app.register(arrivalPlugin, { clock: deps.clock });
  await app.register(readOncePlugin);
  await app.register(cookie);
  await app.register(securityHeadersPlugin, { alwaysTls: deps.config.cookieSecure || (deps.config.publicBaseUrl ?? '').startsWith('https:') });
  await app.register(errorPlugin, { registry: errors });
  // First: a limited route counts a request before anything costs (decision 0013).
  await app.register(rateLimitPlugin, {
    scale: deps.config.rateLimitScale ?? 1,
    redisUrl: deps.config.redisUrl,
    nameSpace: deps.rateLimitNamespace,
  });
  // Before access: a body over the limit is answered before it is read, and text no handler can
  // store is refused, both before the session is looked up.
  await app.register(bodyLimitPlugin);
  await app.register(inputGuardPlugin);
  // A body the client holds back (Expect: 100-continue) is asked for when it is read.
  await app.register(expectContinuePlugin);
  const scopes = Object.assign({}, ...modules.map((m) => ('scopes' in m ? m.scopes : {}))) as ScopeResolvers;
  await app.register(accessPlugin, {
    sessions: identity.sessions,
    routes,
    scopes,
    regions: catalog.catalog,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'bidhall API', version: '0.1.0', description: 'Electronic public resource trading platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bh_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(metricsPlugin);

  registerSystemRoutes(app, { db, sandboxes: () => [...exchange.sandboxed, ...(finance.sandboxBank ? (['bank'] as const) : [])], jobsRunning: () => jobsRunning, isShuttingDown: () => shuttingDown });
  registerTimeRoutes(app, { clock: deps.clock, timeAuthority, timeSource });
  registerAuditRoutes(app, { db, audit });
  registerLogRoutes(app, { db, log, timeAuthority });
  registerLogWitnessRoutes(app, { db, publication: headPublication, cosignatures });
  for (const m of modules) m.registerRoutes(app);
  if (deps.demoCaDir) registerDemoOcspRoutes(app, { demoCaDir: deps.demoCaDir, clock: deps.clock });
  if (deps.config.webDist) await registerWeb(app, deps.config.webDist);

  // Every module has defined its jobs: from here on any transaction may enqueue one.
  await deps.jobs.prepare();

  app.addHook('preClose', async () => {
    shuttingDown = true;
  });
  app.addHook('onClose', async () => timeSource.stop());

  return {
    app,
    routes,
    /** The modules' scope resolvers by resource kind (the access walk uses them). */
    scopes,
    identity,
    trust,
    projects,
    exchange,
    disclosure,
    tendering,
    documents,
    bidding,
    finance,
    opening,
    experts,
    evaluation,
    prequalification,
    award,
    contract,
    appraisal,
    publish: disclosure.publish,
    approvals: exchange.approvals,
    catalog: catalog.catalog,
    calendar: catalog.calendar,
    audit,
    log,
    timeAuthority,
    /** The clock check (F-07): `start(ms)` when serving, `measure()`, `view()`. */
    timeSource,
    /** Every problem code a response can carry (the web has a message for each). */
    problemCodes: () => errors.codes(),
    setJobsRunning(running: boolean) {
      jobsRunning = running;
    },
  };
}

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;

/** A region and its parents up to the top, nearest first. */
function regionChain(regions: readonly { code: string; parentCode: string | null }[], code: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = code; at && !chain.includes(at); at = regions.find((r) => r.code === at)?.parentCode ?? null) chain.push(at);
  return chain;
}
