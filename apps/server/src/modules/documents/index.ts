import type { AppInstance } from '../../platform/http/types.ts';
import { registerAttachmentRoutes } from './attachment.routes.ts';
import { registerBoqRoutes } from './boq/boq.routes.ts';
import { createBoqService } from './boq/boq.service.ts';
import { createAttachmentService } from './attachment.service.ts';
import { registerClarificationRoutes } from './clarification.routes.ts';
import { createClarificationService } from './clarification.service.ts';
import { registerDocumentRoutes } from './document.routes.ts';
import { createDocumentService } from './document.service.ts';
import type { DocumentsDeps } from './documents.deps.ts';
import { documentsErrors } from './documents.errors.ts';
import { registerDownloadRoutes } from './download.routes.ts';
import { createDownloadService } from './download.service.ts';
import { createPackageService } from './package.service.ts';
import { registerQuestionRoutes } from './question.routes.ts';
import { createQuestionService } from './question.service.ts';
import { registerSiteVisitRoutes } from './site-visit.routes.ts';
import { createSiteVisitService, SITE_VISIT_REMINDER_JOB, SITE_VISIT_SWEEP_JOB } from './site-visit.service.ts';
import { registerTemplateRoutes } from './template.routes.ts';
import type { Db } from '../../platform/db/database.ts';
import { sectionDownloaders } from './document-store.ts';
import { createTemplateService } from './template.service.ts';
import { createMethodTemplates } from './method-template.service.ts';
import { registerMethodTemplateRoutes } from './method-template.routes.ts';
import { createDocumentsScopes } from './scopes.ts';
import { createBiddingPort } from './bidding-port.ts';
import { createEffectiveDocuments } from './effective-document.ts';

export type { DocumentsDeps, NotifyPort, PublishPort, SectionsPort, VerifyEntitySignaturePort } from './documents.deps.ts';
export { SITE_VISIT_REMINDER_JOB, SITE_VISIT_SWEEP_JOB } from './site-visit.service.ts';
export type { DocumentManifest } from './manifest.ts';
export type { IssuedTenderDocument } from './bidding-port.ts';
export type { EffectiveDocument } from './effective-document.ts';

/**
 * Tender and prequalification documents (decision 0008): templates, the builder, packaging and
 * e-signature, free downloads with signed receipts, questions, clarifications and site visits.
 * Writes the standard templates before it returns.
 */
export async function createDocumentsModule(deps: DocumentsDeps) {
  const templates = createTemplateService(deps);
  await templates.seed();
  const documents = createDocumentService(deps, templates);
  const packages = createPackageService(deps, documents);
  const attachments = createAttachmentService(deps, documents);
  const downloads = createDownloadService(deps, packages);
  const questions = createQuestionService(deps, downloads);
  const clarifications = createClarificationService(deps, packages);
  const siteVisits = createSiteVisitService(deps);
  const boq = createBoqService(deps, documents, downloads);
  const methodTemplates = createMethodTemplates(deps);
  const bidding = createBiddingPort(deps);

  deps.jobs.define<{ siteVisitId?: string }>({
    name: SITE_VISIT_REMINDER_JOB,
    handle: async (data) => {
      if (data.siteVisitId) await siteVisits.remind(data.siteVisitId);
    },
  });
  deps.jobs.define({ name: SITE_VISIT_SWEEP_JOB, cron: '* * * * *', handle: async () => void (await siteVisits.remindDue()) });

  return {
    errors: documentsErrors,
    scopes: createDocumentsScopes(deps),
    /**
     * For the tendering module (its own port): when a notice of the section is published, every signed
     * document of the section's current round is issued, in the caller's transaction.
     */
    issueForSection: packages.issueForSection,
    /** Who obtained the section's documents in a round (for tendering's termination and re-tender notices). */
    downloadersOfSection: (trx: Db, sectionId: string, round: number) => sectionDownloaders(trx, sectionId, round),
    /** For the bidding module (its own port): the section's issued tender document, and who obtained it. */
    bidding,
    /** For the evaluation module (its own port): the document with its clarifications, as stored bytes. */
    effectiveDocument: createEffectiveDocuments(deps, bidding, packages),
    services: { templates, documents, packages, attachments, downloads, questions, clarifications, siteVisits, boq, methodTemplates },
    registerRoutes(app: AppInstance) {
      const db = deps.db;
      registerTemplateRoutes(app, { db, templates });
      registerDocumentRoutes(app, { db, documents, packages });
      registerAttachmentRoutes(app, { db, attachments, downloads });
      registerDownloadRoutes(app, { db, downloads, packages, clarifications });
      registerQuestionRoutes(app, { db, questions });
      registerClarificationRoutes(app, { db, clarifications });
      registerSiteVisitRoutes(app, { db, siteVisits, downloads });
      registerBoqRoutes(app, { db, boq });
      registerMethodTemplateRoutes(app, { db, templates: methodTemplates, documents });
    },
  };
}

export type DocumentsModule = Awaited<ReturnType<typeof createDocumentsModule>>;
