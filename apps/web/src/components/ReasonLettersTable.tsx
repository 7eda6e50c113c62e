import { Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format.ts';

/** What every issued letter with reasons has: the award's notices, the prequalification's results. */
export interface ReasonLetter {
  id: string;
  bidId: string;
  entityName: string;
  reason: string;
  issuedAt: string | null;
  readAt: string | null;
}

/**
 * One letter per bid or application with its reasons: `lead` columns say what the letter is, the reason
 * is edited in place while the manager drafts; once issued, when each was issued and acknowledged.
 * `i18n` is the key prefix with `reason`, `reasonRequired`, `issuedAt`, `readAt`, `unread`; `testIds`
 * names the table, each reason's editor and (optionally) each acknowledgement by bid.
 */
export function ReasonLettersTable<L extends ReasonLetter>({
  letters,
  lead,
  i18n,
  testIds,
  reasons,
  onReason,
}: {
  letters: L[];
  lead: ColumnsType<L>;
  i18n: 'award.notices' | 'prequalification.letters';
  testIds: { table: string; reason: string; read?: string };
  /** The reasons being edited, by bid; without it the table only reads. */
  reasons?: Record<string, string>;
  onReason?: (bidId: string, reason: string) => void;
}) {
  const { t } = useTranslation();
  const issued = letters.some((l) => l.issuedAt !== null);
  const columns: ColumnsType<L> = [
    ...lead,
    {
      key: 'reason',
      title: t(`${i18n}.reason`),
      render: (_, l) =>
        reasons && onReason ? (
          <Input.TextArea
            value={reasons[l.bidId] ?? l.reason}
            onChange={(e) => onReason(l.bidId, e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            status={(reasons[l.bidId] ?? l.reason).trim() ? undefined : 'error'}
            placeholder={t(`${i18n}.reasonRequired`)}
            aria-label={`${l.entityName} ${t(`${i18n}.reason`)}`}
            data-testid={`${testIds.reason}${l.bidId}`}
          />
        ) : (
          <div className="pre-wrap">{l.reason}</div>
        ),
    },
  ];
  if (issued) {
    columns.push(
      { key: 'issued', title: t(`${i18n}.issuedAt`), width: 150, render: (_, l) => formatTime(l.issuedAt) },
      {
        key: 'read',
        title: t(`${i18n}.readAt`),
        width: 150,
        render: (_, l) =>
          l.readAt ? (
            <span {...(testIds.read ? { 'data-testid': `${testIds.read}${l.bidId}` } : {})}>{formatTime(l.readAt)}</span>
          ) : (
            <Tag>{t(`${i18n}.unread`)}</Tag>
          ),
      },
    );
  }
  return (
    <Table<L> size="small" rowKey="id" pagination={false} dataSource={letters} columns={columns} data-testid={testIds.table} />
  );
}
