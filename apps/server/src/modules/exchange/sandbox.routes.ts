import { approvalCode, approvalRecord, outboxKind, publicServiceAck, publicServiceMessage } from '@bidhall/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fromLoopback } from '../../platform/http/loopback.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { SANDBOX_APPROVAL_PATH, SANDBOX_DESIGNATED_MEDIA_PATH, SANDBOX_PUBLIC_SERVICE_PATH, SANDBOX_SUPERVISION_PATH } from './http-endpoint.ts';
import { SANDBOX_APPROVALS } from './sandbox-approval.fixtures.ts';
import type { SandboxPublicService } from './sandbox.service.ts';

const tags = ['sandbox'];
const SANDBOX_RECEIVER_PATHS = { publicService: SANDBOX_PUBLIC_SERVICE_PATH, designatedMedia: SANDBOX_DESIGNATED_MEDIA_PATH, supervision: SANDBOX_SUPERVISION_PATH } as const;
const RECEIVER_NAMES = { publicService: 'public service platform', designatedMedia: 'designated media', supervision: 'administrative supervision platform' } as const;
const sandboxAccess = { public: true, reason: 'sandbox stand-in for an outside system (SANDBOX); the gate admits loopback callers and staff' } as const;

/**
 * A stand-in answers the platform itself (its in-process calls come from loopback) and signed-in
 * staff, never the internet (decision 0018): it would take and show anyone's fabricated messages.
 */
async function sandboxGate(request: FastifyRequest) {
  if (fromLoopback(request)) return;
  const kind = request.principal?.kind;
  if (kind === 'staff' || kind === 'admin') return;
  throw new DomainError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', 'the sandbox answers the platform itself and signed-in staff only');
}

const receivedMessage = z.object({
  receiptId: z.string(),
  messageId: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  regionCode: z.string().nullable(),
  contentSm3: z.string(),
  content: z.string(),
  receivedAt: z.string(),
});

/**
 * Sandbox stand-ins for the investment approval platform, the public service platform and the
 * designated media, served by the platform itself when SANDBOX is on (with the demo data, or by
 * SANDBOX=on), to loopback callers and signed-in staff only.
 * They speak the same HTTP the adapters speak to the real systems.
 */
export function registerSandboxRoutes(app: AppInstance, deps: { receivers: SandboxPublicService[] }) {
  const byCode = new Map(SANDBOX_APPROVALS.map((r) => [r.approvalCode, r]));

  app.get(
    `${SANDBOX_APPROVAL_PATH}/projects/:code`,
    {
      config: { access: sandboxAccess },
      onRequest: sandboxGate,
      schema: { tags, summary: 'Sandbox investment approval platform: a project by its code', params: z.strictObject({ code: approvalCode }), response: { 200: approvalRecord } },
    },
    async (request) => {
      const record = byCode.get(request.params.code);
      if (!record) throw new DomainError('APPROVAL_NOT_FOUND', `no project ${request.params.code} on the approval platform`);
      return record;
    },
  );

  for (const receiver of deps.receivers) {
    const path = SANDBOX_RECEIVER_PATHS[receiver.receiver];
    const name = RECEIVER_NAMES[receiver.receiver];
    app.post(
      `${path}/messages`,
      {
        config: { access: sandboxAccess },
        onRequest: sandboxGate,
        schema: { tags, summary: `Sandbox ${name}: receive one message`, body: publicServiceMessage, response: { 200: publicServiceAck } },
      },
      async (request) => receiver.receive(request.body),
    );

    app.get(
      `${path}/messages`,
      {
        config: { access: sandboxAccess },
        onRequest: sandboxGate,
        schema: {
          tags,
          summary: `Sandbox ${name}: what it received, newest first, to compare with the portal`,
          querystring: z.strictObject({ subjectId: z.string().max(80).optional(), kind: outboxKind.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.array(receivedMessage) },
        },
      },
      async (request) => receiver.received(request.query),
    );

    app.post(
      `${path}/failures`,
      {
        config: { access: { roles: ['staff', 'admin'], scope: { platform: 'one sandbox receiver for the whole platform' } } },
        onRequest: sandboxGate,
        schema: {
          tags,
          summary: `Sandbox ${name}: refuse the next N deliveries with 503 (to show retries)`,
          body: z.strictObject({ failNext: z.number().int().min(0).max(100) }),
          response: { 200: z.object({ failNext: z.number().int() }) },
        },
      },
      async (request) => {
        receiver.failNext(request.body.failNext);
        return { failNext: receiver.pendingFailures };
      },
    );
  }
}
