import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Clock } from '@bidhall/rules';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { createAuditTrail } from './platform/audit/audit-trail.ts';
import type { PlatformSigningKey } from './platform/keys/signing-key.ts';
import { createTransparencyLog, LOG_HEAD_JOB } from './platform/log/transparency-log.ts';
import { createTimeAuthority } from './platform/time/time-authority.ts';
import { registerLogRoutes } from './platform/http/log.routes.ts';
import type { AppConfig } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { ErrorRegistry } from './platform/errors/domain-error.ts';
import { accessPlugin, type RegisteredRoute } from './platform/http/access.ts';
import { errorPlugin } from './platform/http/error-plugin.ts';
import { registerSystemRoutes } from './platform/http/system.routes.ts';
import type { AppInstance } from './platform/http/types.ts';
import { registerWeb } from './platform/http/web.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import { createBlobStore } from './platform/storage/blob-store.ts';
import { metricsPlugin } from './platform/metrics/metrics.ts';
import { createCatalogModule } from './modules/catalog/index.ts';
import { checkNoticeHtml, createDisclosureModule } from './modules/disclosure/index.ts';
import { createDocumentsModule } from './modules/documents/index.ts';
import { createExchangeModule } from './modules/exchange/index.ts';
import { createIdentityModule, entityLookup, searchBidders } from './modules/identity/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createProjectsModule } from './modules/projects/index.ts';
import { createTenderingModule } from './modules/tendering/index.ts';
import { createTrustModule } from './modules/trust/index.ts';

export interface AppDeps {
  config: Pick<AppConfig, 'bodyLimit' | 'sessionTtlHours' | 'cookieSecure' | 'logLevel' | 'webDist'> &
    Partial<Pick<AppConfig, 'trustStoreDir' | 'certificateChallengeTtlSeconds' | 'blobDir' | 'exchangeSandbox' | 'approvalServiceUrl' | 'publicServiceUrl' | 'designatedMediaUrl' | 'publicBaseUrl'>>;
  database: Database;
  clock: Clock;
  jobs: JobQueue;
  signingKey: PlatformSigningKey;
  logger?: LoggerOptions | boolean;
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
    trustProxy: true,
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
  const timeAuthority = createTimeAuthority({ clock: deps.clock, signingKey: deps.signingKey });
  // A signed head every minute the log grew: each one is a commitment verifiers hold the log to.
  deps.jobs.define({ name: LOG_HEAD_JOB, cron: '* * * * *', handle: async () => void (await log.signedHead(db)) });
  const errors = new ErrorRegistry();
  const routes: RegisteredRoute[] = [];
  let jobsRunning = false;

  const catalog = await createCatalogModule({ db, clock: deps.clock, audit });
  const notifications = createNotificationsModule({ db, clock: deps.clock });
  // Outside systems; in sandbox mode (the default) their stand-ins are this app's own /sandbox routes.
  const exchange = createExchangeModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    sandbox: deps.config.exchangeSandbox ?? true,
    approvalServiceUrl: deps.config.approvalServiceUrl,
    publicServiceUrl: deps.config.publicServiceUrl,
    designatedMediaUrl: deps.config.designatedMediaUrl,
    selfInject: (request) => app.inject(request),
  });
  const identity = createIdentityModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    sessionTtlHours: deps.config.sessionTtlHours,
    cookieSecure: deps.config.cookieSecure,
    trustStoreDir: deps.config.trustStoreDir,
    certificateChallengeTtlSeconds: deps.config.certificateChallengeTtlSeconds,
    regions: {
      exists: async (code) => catalog.catalog.regionExists(code),
      codesWithin: async (scope) => catalog.catalog.codesWithin(scope),
    },
    notify: notifications.notify,
    outbox: exchange.outbox,
  });
  // The recognised CAs are read before the first request; a folder that cannot be read stops the start.
  await identity.trust.reload();
  const trust = createTrustModule({ db, clock: deps.clock, audit, log });
  // `publish` (decision 0008): disclosure stores, exchange's outbox carries the same canonical JSON.
  const disclosure = createDisclosureModule({ db, clock: deps.clock, audit, log, outbox: exchange.outbox });
  const projects = createProjectsModule({
    db,
    clock: deps.clock,
    audit,
    catalog: catalog.catalog,
    calendar: catalog.calendar,
    approvals: exchange.approvals,
    entities: entityLookup,
    verifyEntitySignature: identity.verifyEntitySignature,
    outbox: exchange.outbox,
    notify: notifications.notify,
  });
  const documents = await createDocumentsModule({
    db,
    clock: deps.clock,
    audit,
    jobs: deps.jobs,
    blobs: createBlobStore(deps.config.blobDir ?? resolve('data/blobs')),
    signingKey: deps.signingKey,
    timeAuthority,
    sections: projects.sections,
    publish: disclosure.publish,
    verifyEntitySignature: identity.verifyEntitySignature,
    outbox: exchange.outbox,
    notify: notifications.notify,
  });
  const tendering = createTenderingModule({
    db,
    clock: deps.clock,
    audit,
    publicBaseUrl: deps.config.publicBaseUrl ?? 'http://localhost:3000',
    calendar: catalog.calendar.current,
    regions: { codesWithin: async (scope) => catalog.catalog.codesWithin(scope) },
    sections: projects.sections,
    publish: disclosure.publish,
    documents,
    checkNoticeHtml,
    bidders: { search: searchBidders },
    notify: notifications.notify,
  });
  const modules = [catalog, notifications, identity, trust, projects, exchange, disclosure, tendering, documents];
  for (const m of modules) errors.register(m.errors);

  await app.register(cookie);
  await app.register(errorPlugin, { registry: errors });
  await app.register(accessPlugin, { sessions: identity.sessions, routes });
  await app.register(swagger, {
    openapi: {
      info: { title: 'bidhall API', version: '0.1.0', description: 'Electronic public resource trading platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bh_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(metricsPlugin);

  registerSystemRoutes(app, {
    db,
    clock: deps.clock,
    audit,
    timeAuthority,
    jobsRunning: () => jobsRunning,
    isShuttingDown: () => shuttingDown,
  });
  registerLogRoutes(app, { db, log, timeAuthority });
  for (const m of modules) m.registerRoutes(app);
  if (deps.config.webDist) await registerWeb(app, deps.config.webDist);

  // Every module has defined its jobs: from here on any transaction may enqueue one.
  await deps.jobs.prepare();

  app.addHook('preClose', async () => {
    shuttingDown = true;
  });

  return {
    app,
    routes,
    identity,
    trust,
    projects,
    exchange,
    disclosure,
    tendering,
    documents,
    publish: disclosure.publish,
    approvals: exchange.approvals,
    catalog: catalog.catalog,
    calendar: catalog.calendar,
    audit,
    log,
    timeAuthority,
    /** Every problem code a response can carry (the web has a message for each). */
    problemCodes: () => errors.codes(),
    setJobsRunning(running: boolean) {
      jobsRunning = running;
    },
  };
}

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
