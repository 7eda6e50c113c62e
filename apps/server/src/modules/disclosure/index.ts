import type { AppInstance } from '../../platform/http/types.ts';
import type { DisclosureDeps } from './disclosure.deps.ts';
import { disclosureErrors } from './disclosure.errors.ts';
import { registerPublicRoutes } from './public.routes.ts';
import { createPublicationQueries } from './publication.queries.ts';
import { createPublicationService } from './publication.service.ts';

export type { DisclosureDeps, PublicationOutbox } from './disclosure.deps.ts';
export type { PublishResult } from './publication.service.ts';
export { PUBLICATION_KIND, WITHDRAWAL_KIND } from './publication.service.ts';
export { checkNoticeHtml, noticeText, type NoticeHtmlCheck, type NoticeHtmlProblem } from './notice-html.ts';

/**
 * The public read model (issue 4 item 8): publications with Chinese full-text search, portal lists,
 * notice pages, the Atom feed and the JSON change feed. `publish` is the port tendering and
 * documents use (decision 0008); it stores, logs and enqueues to the public service platform (and
 * the designated media for notices of mandatory projects, decision 0010) in the caller's transaction.
 */
export function createDisclosureModule(deps: DisclosureDeps) {
  const publications = createPublicationService(deps);
  const queries = createPublicationQueries(deps);
  return {
    errors: disclosureErrors,
    /** `publish(trx, publication, actor?) → { publicationId, contentSm3, logIndex }` */
    publish: publications.publish,
    /** `withdraw(trx, publicationId, reason, actor?)`: marked on the portal, an event in the feeds. */
    withdraw: publications.withdraw,
    queries,
    registerRoutes(app: AppInstance) {
      registerPublicRoutes(app, { queries, clock: deps.clock });
    },
  };
}

export type DisclosureModule = ReturnType<typeof createDisclosureModule>;
