import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Check } from '../../../trust/checks.ts';

const ICONS = { ok: <CheckCircleFilled />, failed: <CloseCircleFilled />, skipped: <MinusCircleOutlined /> };
/** The bid receipt's own checks speak from `bidding.checks`, the platform key and signature from `portal.checks`, the log's from `verify.checks`. */
const BID = new Set(['bidTimestamp', 'bidCommitment', 'bidLogged', 'bidManifest']);
const PORTAL = new Set(['receiptSignature', 'receiptKey']);

/** The steps of a bid receipt's verification, green, red or grey (the verify page's look). */
export function BidChecks({ checks }: { checks: readonly Check[] }) {
  const { t } = useTranslation();
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return (
    <ol className="check-list">
      {checks.map((c) => {
        const ns = BID.has(c.id) ? 'bidding.checks' : PORTAL.has(c.id) ? 'portal.checks' : 'verify.checks';
        return (
          <li key={c.id} className={`check check-${c.status}`} data-testid={`check-${c.id}`} data-status={c.status}>
            <span className="check-icon">{ICONS[c.status]}</span>
            <div className="check-body">
              <div className="check-title">
                {tx(`${ns}.${c.id}.title`)}
                <span className="check-result">{tx(`verify.result.${c.status}`)}</span>
              </div>
              {c.status !== 'skipped' && <div className="check-detail">{tx(`${ns}.${c.id}.${c.detail ?? c.status}`, c.values)}</div>}
              {c.error && <div className="check-error mono">{c.error}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
