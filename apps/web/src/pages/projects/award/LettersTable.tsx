import type { AwardLetterView } from '@bidhall/contracts';
import { Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';

export const LETTER_KIND_COLOURS: Record<AwardLetterView['kind'], string> = { award: 'gold', result: 'blue' };

/**
 * One letter per evaluated bid: the award notice to the winner, result notices to the
 * others, each with its reasons — edited in place while the manager drafts; once issued, when each was
 * issued and acknowledged.
 */
export function LettersTable({
  letters,
  reasons,
  onReason,
}: {
  letters: AwardLetterView[];
  /** The reasons being edited, by bid; without it the table only reads. */
  reasons?: Record<string, string>;
  onReason?: (bidId: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  const issued = letters.some((l) => l.issuedAt !== null);
  const columns: ColumnsType<AwardLetterView> = [
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
    {
      key: 'reason',
      title: t('award.notices.reason'),
      render: (_, l) =>
        reasons && onReason ? (
          <Input.TextArea
            value={reasons[l.bidId] ?? l.reason}
            onChange={(e) => onReason(l.bidId, e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            status={(reasons[l.bidId] ?? l.reason).trim() ? undefined : 'error'}
            placeholder={t('award.notices.reasonRequired')}
            aria-label={`${l.entityName} ${t('award.notices.reason')}`}
            data-testid={`letter-reason-${l.bidId}`}
          />
        ) : (
          <div className="pre-wrap">{l.reason}</div>
        ),
    },
  ];
  if (issued) {
    columns.push(
      { key: 'issued', title: t('award.notices.issuedAt'), width: 150, render: (_, l) => formatTime(l.issuedAt) },
      {
        key: 'read',
        title: t('award.notices.readAt'),
        width: 150,
        render: (_, l) =>
          l.readAt ? (
            <span data-testid={`letter-read-${l.bidId}`}>{formatTime(l.readAt)}</span>
          ) : (
            <Tag>{t('award.notices.unread')}</Tag>
          ),
      },
    );
  }
  return (
    <Table<AwardLetterView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={letters}
      columns={columns}
      data-testid="notice-letters"
    />
  );
}
