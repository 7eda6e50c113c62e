import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Check } from '../../trust/checks.ts';

const ICONS = { ok: <CheckCircleFilled />, failed: <CloseCircleFilled />, skipped: <MinusCircleOutlined /> };

/** The steps of a verification, green, red or grey, each saying what was checked and what was found. */
export function CheckList({ checks, testId }: { checks: readonly Check[]; testId?: string }) {
  const { t } = useTranslation();
  // The texts are looked up by the check's id and detail: keys built at run time.
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  return (
    <ol className="check-list" data-testid={testId}>
      {checks.map((c) => (
        <li key={c.id} className={`check check-${c.status}`} data-testid={`check-${c.id}`} data-status={c.status}>
          <span className="check-icon">{ICONS[c.status]}</span>
          <div className="check-body">
            <div className="check-title">
              {tx(`verify.checks.${c.id}.title`)}
              <span className="check-result">{tx(`verify.result.${c.status}`)}</span>
            </div>
            {c.status !== 'skipped' && (
              <div className="check-detail">{tx(`verify.checks.${c.id}.${c.detail ?? c.status}`, c.values)}</div>
            )}
            {c.error && <div className="check-error mono">{c.error}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
