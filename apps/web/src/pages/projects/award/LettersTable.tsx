import type { AwardLetterView } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonLettersTable } from '../../../components/ReasonLettersTable.tsx';

export const LETTER_KIND_COLOURS: Record<AwardLetterView['kind'], string> = { award: 'gold', result: 'blue' };

/**
 * One letter per evaluated bid: the award notice to the winner, result notices to the
 * others, each with its reasons — edited in place while the manager drafts; once issued, when each was
 * issued and acknowledged.
 */
export function LettersTable(props: {
  letters: AwardLetterView[];
  reasons?: Record<string, string>;
  onReason?: (bidId: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonLettersTable<AwardLetterView>
      {...props}
      i18n="award.notices"
      testIds={{ table: 'notice-letters', reason: 'letter-reason-', read: 'letter-read-' }}
      lead={[
        {
          key: 'kind',
          title: t('award.notices.kind'),
          width: 130,
          render: (_, l) => <Tag color={LETTER_KIND_COLOURS[l.kind]}>{t(`award.notices.kinds.${l.kind}`)}</Tag>,
        },
        { key: 'entity', title: t('award.notices.entity'), dataIndex: 'entityName', width: 220 },
        {
          key: 'rank',
          title: t('award.notices.rank'),
          width: 100,
          render: (_, l) =>
            l.rank === null ? (
              <span className="muted">{t('award.notices.unranked')}</span>
            ) : (
              t('award.decision.rankN', { rank: l.rank })
            ),
        },
      ]}
    />
  );
}
