import { APPROVAL_CODE_PATTERN, approvalRecord, type ApprovalRecord } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { EXCHANGE_TIMEOUT_MS, type Endpoint } from './http-endpoint.ts';

/** The investment approval platform (项目审批监管平台) as the rest of the platform sees it. */
export interface ApprovalLookup {
  /**
   * The project approved under `code`, or null when the approval platform does not know it.
   * Throws APPROVAL_CODE_INVALID (422) for a malformed code and EXCHANGE_UNAVAILABLE (503) when the
   * approval platform cannot be reached or answers something that is not a project.
   */
  lookup(code: string): Promise<ApprovalRecord | null>;
}

/** Checks the national project code format; returns the trimmed code. */
export function assertApprovalCode(code: string): string {
  const trimmed = code.trim();
  if (!APPROVAL_CODE_PATTERN.test(trimmed)) {
    throw new DomainError(
      'APPROVAL_CODE_INVALID',
      `"${trimmed.slice(0, 40)}" is not a project code: expected year-region-industry-type-serial, e.g. 2026-150602-48-01-000123`,
      { code: trimmed.slice(0, 40) },
    );
  }
  return trimmed;
}

/** HTTP adapter: GET {APPROVAL_SERVICE_URL}/projects/{code} → 200 project | 404 unknown. */
export function createApprovalLookup(endpoint: Endpoint | null): ApprovalLookup {
  return {
    async lookup(raw) {
      const code = assertApprovalCode(raw);
      if (!endpoint) throw new DomainError('EXCHANGE_UNAVAILABLE', 'no investment approval platform is configured (APPROVAL_SERVICE_URL)');
      let res: Response;
      try {
        res = await endpoint.fetch(`${endpoint.baseUrl}/projects/${encodeURIComponent(code)}`, {
          method: 'GET',
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
        });
      } catch (err) {
        throw new DomainError('EXCHANGE_UNAVAILABLE', `the investment approval platform cannot be reached: ${(err as Error).message}`, { system: 'approval' });
      }
      if (res.status === 404) return null;
      if (!res.ok) {
        throw new DomainError('EXCHANGE_UNAVAILABLE', `the investment approval platform answered HTTP ${res.status}`, { system: 'approval', status: res.status });
      }
      const parsed = approvalRecord.safeParse(await res.json().catch(() => null));
      if (!parsed.success || parsed.data.approvalCode !== code) {
        throw new DomainError('EXCHANGE_UNAVAILABLE', 'the investment approval platform answered something that is not this project', { system: 'approval' });
      }
      return parsed.data;
    },
  };
}
