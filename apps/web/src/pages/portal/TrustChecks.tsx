import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Check } from '../../trust/checks.ts';

const ICONS = { ok: <CheckCircleFilled />, failed: <CloseCircleFilled />, skipped: <MinusCircleOutlined /> };

/** Checks of this area speak from `portal.checks`; the log receipt's own checks from `verify.checks`. */
const OWN = new Set([
  'contentSm3',
  'contentShown',
  'logCommits',
  'receiptSignature',
  'receiptKey',
  'receiptTimestamp',
  'receiptFile',
  'downloadLogged',
]);

/** The steps of an in-browser verification, green, red or grey (the verify page's look). */
export function TrustChecks({ checks, testId }: { checks: readonly Check[]; testId?: string }) {
  const { t } = useTranslation();
  // Keys built at run time from the check's id and detail.
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return (
    <ol className="check-list" data-testid={testId}>
      {checks.map((c) => {
        const ns = OWN.has(c.id) ? 'portal.checks' : 'verify.checks';
        return (
          <li key={c.id} className={`check check-${c.status}`} data-testid={`check-${c.id}`} data-status={c.status}>
            <span className="check-icon">{ICONS[c.status]}</span>
            <div className="check-body">
              <div className="check-title">
                {tx(`${ns}.${c.id}.title`)}
                <span className="check-result">{tx(`verify.result.${c.status}`)}</span>
              </div>
              {c.status !== 'skipped' && (
                <div className="check-detail">{tx(`${ns}.${c.id}.${c.detail ?? c.status}`, c.values)}</div>
              )}
              {c.error && <div className="check-error mono">{c.error}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
