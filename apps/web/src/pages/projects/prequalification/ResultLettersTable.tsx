import type { PrequalificationLetterView } from '@bidhall/contracts';
import { Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';

export const OUTCOME_COLOURS: Record<PrequalificationLetterView['outcome'], string> = { passed: 'success', failed: 'error' };

/**
 * One letter per applicant: passed or failed, on what basis, and the reasons — edited in
 * place while the manager drafts; once issued, when each was issued and acknowledged.
 */
export function ResultLettersTable({
  letters,
  reasons,
  onReason,
}: {
  letters: PrequalificationLetterView[];
  /** The reasons being edited, by application; without it the table only reads. */
  reasons?: Record<string, string>;
  onReason?: (bidId: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  const issued = letters.some((l) => l.issuedAt !== null);
  const columns: ColumnsType<PrequalificationLetterView> = [
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
          {l.failing.length > 0 && <div className="muted small">{l.failing.map((f) => `${f.number} ${f.title}`).join('；')}</div>}
          {l.exclusion && <div className="muted small pre-wrap">{l.exclusion}</div>}
        </span>
      ),
    },
    {
      key: 'reason',
      title: t('prequalification.letters.reason'),
      render: (_, l) =>
        reasons && onReason ? (
          <Input.TextArea
            value={reasons[l.bidId] ?? l.reason}
            onChange={(e) => onReason(l.bidId, e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            status={(reasons[l.bidId] ?? l.reason).trim() ? undefined : 'error'}
            placeholder={t('prequalification.letters.reasonRequired')}
            aria-label={`${l.entityName} ${t('prequalification.letters.reason')}`}
            data-testid={`pq-letter-reason-${l.bidId}`}
          />
        ) : (
          <div className="pre-wrap">{l.reason}</div>
        ),
    },
  ];
  if (issued) {
    columns.push(
      { key: 'issued', title: t('prequalification.letters.issuedAt'), width: 150, render: (_, l) => formatTime(l.issuedAt) },
      {
        key: 'read',
        title: t('prequalification.letters.readAt'),
        width: 150,
        render: (_, l) => (l.readAt ? formatTime(l.readAt) : <Tag>{t('prequalification.letters.unread')}</Tag>),
      },
    );
  }
  return (
    <Table<PrequalificationLetterView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={letters}
      columns={columns}
      data-testid="pq-letters"
    />
  );
}
