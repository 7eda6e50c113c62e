import { emptyBody, evaluationReportParts, evaluationReportSignInput, evaluationReportView } from '@bidhall/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { createReportService } from './report.service.ts';
import type { EvaluationSitting } from './sitting.ts';

const tags = ['evaluation'];
const params = z.strictObject({ id: z.uuid() });
const memberRoles = ['expert', 'tenderer'] as const;

/** The evaluation report (issue 12 §5, decision 0026), or the review's (A-160): read, the chair's edits and generation, members' signatures. */
export function registerReportRoutes(app: AppInstance, deps: EvaluationDeps, at: EvaluationSitting) {
  const report = createReportService(deps, at);
  const path = `/api/v1/sections/:id/${at.segment}/report`;
  const { resource } = at;
  /** Members (`recipient`) and the tenderer's users (a representative is one; the service refuses other non-members). */
  const members = { resource, parties: ['recipient', 'tenderer'] } as const;

  app.get(
    path,
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'expert'], scope: { resource, parties: ['tenderer', 'recipient'] } } },
      schema: { tags, summary: 'The evaluation report, its SM3 and who signed (members and officers in full; the tenderer without experts’ names; bidders never)', params, response: { 200: evaluationReportView } },
    },
    async (request) => report.view(request.params.id, callerOf(request)),
  );

  app.put(
    path,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: "The chair edits the committee's remarks, problems found and recommendations; until the first signature (A-151)", params, body: evaluationReportParts, response: { 200: evaluationReportView } },
    },
    async (request) => report.edit(request.params.id, request.body, callerOf(request)),
  );

  app.post(
    path,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: { tags, summary: 'The chair generates the report from the stored summary and the parts: HTML and an SM3 over its canonical JSON (A-152)', params, body: emptyBody, response: { 200: evaluationReportView } },
    },
    async (request) => report.generate(request.params.id, callerOf(request)),
  );

  app.post(
    `${path}/signatures`,
    {
      config: { access: { roles: [...memberRoles], scope: members } },
      schema: {
        tags,
        summary: "A member signs {action: 'signEvaluationReport', sectionId, reportSm3[, dissent]} with its own certificate, once; the last signature completes the report and pushes it to supervision (A-152, A-153)",
        params,
        body: evaluationReportSignInput,
        response: { 200: evaluationReportView },
      },
    },
    async (request) => report.sign(request.params.id, request.body, callerOf(request)),
  );
}
