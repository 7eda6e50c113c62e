// The staff view of bid bonds (finance module): bank statement imports and their reconciled lines.
import type { StatementImportView, StatementLineView } from '@bidhall/contracts';
import { api, ApiError } from '../../api/client.ts';

export type { StatementImportView, StatementLineView };
export type LineStatus = StatementLineView['status'];
export const LINE_STATUSES: readonly LineStatus[] = ['matched', 'unmatched', 'debit'];

/** A problem of a statement the import refused (details.issues of STATEMENT_INVALID). */
export interface StatementIssue {
  where: string;
  field: string;
  message: string;
}

export const financeApi = {
  imports: () => api.get<StatementImportView[]>('/bank-statements'),
  lines: (filter: { importId?: string; status?: LineStatus; limit?: number }) => api.get<StatementLineView[]>('/bank-statement-lines', { ...filter }),
  /** The statement file itself as the body (CSV or camt.053 XML), with upload progress. */
  importStatement: (file: File, onProgress: (percent: number) => void) =>
    new Promise<StatementImportView>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/bank-statements?name=${encodeURIComponent(file.name)}`);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR' }));
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body as StatementImportView);
        const problem = body as { code?: string } | undefined;
        reject(
          new ApiError(
            problem && typeof problem.code === 'string'
              ? (body as ConstructorParameters<typeof ApiError>[0])
              : { type: 'about:blank', title: xhr.statusText, status: xhr.status, code: 'HTTP_ERROR' },
          ),
        );
      };
      xhr.send(file);
    }),
};
