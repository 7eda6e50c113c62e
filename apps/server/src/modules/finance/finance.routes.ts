import {
  bondAccountQuery,
  bondAccountView,
  guaranteeQuery,
  guaranteeRegisterRequest,
  guaranteeView,
  STATEMENT_MAX_BYTES,
  statementImportQuery,
  statementImportView,
  statementLineQuery,
  statementLineView,
} from '@bidhall/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { malformedJson } from '../../platform/http/json-body.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { AccountService } from './accounts.service.ts';
import { callerOf } from './caller.ts';
import type { GuaranteeService } from './guarantees.service.ts';
import type { StatementService } from './statements.service.ts';

const tags = ['finance'];
const STAFF_LIST = 'imports of the bond settlement account by the staff of the caller’s regions; a line’s section and bidder only after that section’s deadline';

/** Bid bonds (issue 10 §4): sub-accounts, bank statements, e-guarantees. */
export function registerFinanceRoutes(app: AppInstance, deps: { db: Db; accounts: AccountService; statements: StatementService; guarantees: GuaranteeService }) {
  const { db, accounts, statements, guarantees } = deps;

  app.get(
    '/api/v1/bond-accounts/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: "The caller's entity's virtual sub-account for the section: where to pay the bid bond, and what arrived", querystring: bondAccountQuery, response: { 200: bondAccountView } },
    },
    async (request) => accounts.mine(db, request.query.sectionId, callerOf(request)),
  );

  app.post(
    '/api/v1/bond-accounts/mine',
    {
      config: { access: { roles: ['bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'Open (or get) the caller’s virtual sub-account for the section: for a bidder holding the document; the number is random',
        querystring: bondAccountQuery,
        body: z.strictObject({}).optional(),
        response: { 200: bondAccountView, 201: bondAccountView },
      },
    },
    async (request, reply) => {
      const { created, account } = await accounts.open(request.query.sectionId, callerOf(request));
      return reply.status(created ? 201 : 200).send(account);
    },
  );

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // A statement is never JSON: a JSON body keeps the platform's rules (its limit, MALFORMED_JSON) and is
    // then refused as not a statement.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const notStatement = new DomainError('STATEMENT_INVALID', 'a bank statement is a CSV or camt.053 XML file, not JSON', { issues: [{ where: 'file', field: 'content-type', message: 'application/json' }] });
      done(malformedJson(body as string) ?? notStatement, undefined);
    });
    // The statement file itself is the body, whatever type the browser or the bank tool gives it.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: STATEMENT_MAX_BYTES }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/bank-statements',
      {
        config: { access: { roles: ['staff'], scope: { list: STAFF_LIST } }, maxBodyBytes: STATEMENT_MAX_BYTES },
        schema: {
          tags,
          summary: 'Import a bank statement of the bond settlement account (raw body: CSV or camt.053 XML, docs/bank-statements.md); idempotent by bank serial',
          querystring: statementImportQuery,
          response: { 201: statementImportView },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new DomainError('STATEMENT_INVALID', 'send the statement file itself as the body (CSV or camt.053 XML)', { issues: [{ where: 'file', field: 'content', message: 'empty' }] });
        }
        return reply.status(201).send(await statements.importStatement({ bytes: body, name: request.query.name ?? null }, callerOf(request)));
      },
    );
  });

  app.get(
    '/api/v1/bank-statements',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: STAFF_LIST } } },
      schema: { tags, summary: 'Bank statement imports of the caller’s regions, newest first', response: { 200: z.array(statementImportView) } },
    },
    async (request) => statements.imports(db, callerOf(request)),
  );

  app.get(
    '/api/v1/bank-statement-lines',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: STAFF_LIST } } },
      schema: {
        tags,
        summary: 'Statement lines with their reconciliation status; the section and bidder of a matched line only after that section’s deadline (A-107)',
        querystring: statementLineQuery,
        response: { 200: z.array(statementLineView) },
      },
    },
    async (request) => statements.lines(db, request.query, callerOf(request)),
  );

  app.post(
    '/api/v1/guarantees',
    {
      config: { access: { roles: ['guarantor'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'Register an e-guarantee the caller’s entity issued, signed (detached CMS) over the canonical JSON of its terms', body: guaranteeRegisterRequest, response: { 201: guaranteeView } },
    },
    async (request, reply) => reply.status(201).send(await guarantees.register(request.body, callerOf(request))),
  );

  app.get(
    '/api/v1/guarantees/mine',
    {
      config: { access: { roles: ['guarantor', 'bidder'], scope: { own: 'entity' } } },
      schema: { tags, summary: 'E-guarantees the caller’s entity issued or is the principal of', querystring: guaranteeQuery, response: { 200: z.array(guaranteeView) } },
    },
    async (request) => guarantees.mine(db, callerOf(request), request.query.number),
  );
}
