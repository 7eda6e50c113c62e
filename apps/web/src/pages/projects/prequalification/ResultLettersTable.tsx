import type { PrequalificationLetterView } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonLettersTable } from '../../../components/ReasonLettersTable.tsx';

export const OUTCOME_COLOURS: Record<PrequalificationLetterView['outcome'], string> = { passed: 'success', failed: 'error' };

/**
 * One letter per applicant: passed or failed, on what basis, and the reasons — edited in
 * place while the manager drafts; once issued, when each was issued and acknowledged.
 */
export function ResultLettersTable(props: {
  letters: PrequalificationLetterView[];
  reasons?: Record<string, string>;
  onReason?: (bidId: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonLettersTable<PrequalificationLetterView>
      {...props}
      i18n="prequalification.letters"
      testIds={{ table: 'pq-letters', reason: 'pq-letter-reason-' }}
      lead={[
        { key: 'entity', title: t('prequalification.letters.entity'), dataIndex: 'entityName', width: 220 },
        {
          key: 'outcome',
          title: t('prequalification.letters.outcome'),
          width: 100,
          render: (_, l) => (
            <Tag color={OUTCOME_COLOURS[l.outcome]} data-testid={`pq-letter-outcome-${l.bidId}`} data-outcome={l.outcome}>
              {t(`prequalification.letters.outcomes.${l.outcome}`)}
            </Tag>
          ),
        },
        {
          key: 'basis',
          title: t('prequalification.letters.basis'),
          width: 160,
          render: (_, l) => (
            <span>
              {t(`prequalification.letters.bases.${l.basis}`)}
              {l.failing.length > 0 && (
                <div className="muted small">{l.failing.map((f) => `${f.number} ${f.title}`).join('；')}</div>
              )}
              {l.exclusion && <div className="muted small pre-wrap">{l.exclusion}</div>}
            </span>
          ),
        },
      ]}
    />
  );
}
