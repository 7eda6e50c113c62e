import { PaperClipOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BidSummaryField, ReadoutRow } from '@bidhall/contracts';
import type { Sitting } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { formatFen } from '../bidder/bid/money.ts';
import { BondTag } from './HallTags.tsx';
import { fileLabel, hallWords } from './sitting.ts';

type Value = ReadoutRow['values'][string];

/** Money is sealed in fen as a decimal string: shown in yuan; anything else (never expected) as it came. */
function moneyText(v: Value): string {
  try {
    return formatFen(String(v));
  } catch {
    return String(v);
  }
}

/** One bidSummary value as read out (money in yuan). */
export function FieldValue({ field, value }: { field: BidSummaryField; value: Value | undefined }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (field.type === 'money') return <span className="mono">{moneyText(value)}</span>;
  if (field.type === 'integer') return <span className="mono">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

/** What an application contains, as its applicant's signed manifest lists it: each file's name and size. */
function Files({ files, testId }: { files: NonNullable<ReadoutRow['files']>; testId: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return <span className="muted">{t('applicationHall.readout.noFiles')}</span>;
  return (
    <ul className="hall-files" data-testid={testId}>
      {files.map((f) => {
        const { name, size } = fileLabel(f);
        return (
          <li key={`${f.name}:${f.plaintextHash}`} title={f.name}>
            <PaperClipOutlined /> {name} <span className="muted small">{size}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The readout's columns, in the hall and in its record alike: 唱标 (A-113) lists each opened bid's
 * bidSummary items (and, in the hall, its bond); an applications' opening (A-121) lists each decrypted
 * application's applicant, its time of receipt, its summary items if the document defines any, and its files.
 */
export function useReadoutColumns({ fields, sitting, testId, bond }: { fields: BidSummaryField[]; sitting: Sitting; testId: string; bond: boolean }): TableColumnsType<ReadoutRow> {
  const { t } = useTranslation();
  const w = hallWords(sitting);
  const application = sitting === 'application';
  const titleOf = (f: BidSummaryField) => {
    const unit = f.type === 'money' ? t('hall.readout.unitYuan') : f.unit;
    return unit ? t('hall.readout.withUnit', { label: f.label, unit }) : f.label;
  };
  return [
    { title: t('hall.readout.order'), dataIndex: 'order', width: 64, align: 'center' },
    { title: t(`${w}.readout.entity`), dataIndex: 'entityName', render: (name: string) => <span data-testid={`${testId}-entity`}>{name}</span> },
    ...(application
      ? [{ title: t('applicationHall.readout.receivedAt'), key: 'receivedAt', width: 190, render: (_: unknown, r: ReadoutRow) => <span className="mono small">{formatTime(r.receivedAt, true)}</span> }]
      : []),
    ...fields.map((f) => ({
      title: titleOf(f),
      key: f.key,
      align: f.type === 'money' || f.type === 'integer' ? ('right' as const) : undefined,
      render: (_: unknown, r: ReadoutRow) => (
        <span data-testid={`${testId}-${f.key}`}>
          <FieldValue field={f} value={r.values[f.key]} />
        </span>
      ),
    })),
    ...(application ? [{ title: t('applicationHall.readout.files'), key: 'files', render: (_: unknown, r: ReadoutRow) => <Files files={r.files ?? []} testId={`${testId}-files`} /> }] : []),
    ...(bond && !application ? [{ title: t('hall.readout.bond'), key: 'bond', width: 150, render: (_: unknown, r: ReadoutRow) => <BondTag form={null} status={r.bondStatus} /> }] : []),
  ];
}
