import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReadoutRow } from '@bidhall/contracts';
import type { HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { useReadoutColumns } from './readoutColumns.tsx';
import { hallWords } from './sitting.ts';

/**
 * 唱标 (A-113): each opened bid's bidSummary items as the document defines them, in receipt order; in an
 * applications' hall, the decrypted applications with their time of receipt and their files (A-121).
 */
export function ReadoutTable({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const w = hallWords(view.sitting);
  const readout = view.readout;
  const columns = useReadoutColumns({ fields: readout?.fields ?? [], sitting: view.sitting, testId: 'hall-readout', bond: true });
  if (!readout) {
    // The window has closed by the clock; the server settles the bids left and reads out (an event follows).
    return (
      <Card className="hall-card" title={t(`${w}.readout.title`)}>
        <Alert type="info" showIcon title={t(`${w}.readout.pending`)} data-testid="hall-readout-pending" />
      </Card>
    );
  }
  const notOpened = view.bidders.some((b) => b.unseal.status === 'failed');
  return (
    <Card className="hall-card hall-readout" title={t(`${w}.readout.title`)} extra={<span className="muted">{t(`${w}.readout.lead`, { time: formatTime(readout.at, true) })}</span>}>
      <Table<ReadoutRow> rowKey="bidId" size="middle" pagination={false} columns={columns} dataSource={readout.rows} data-testid="hall-readout" scroll={{ x: 700 }} />
      {notOpened && <p className="muted small hall-note">{t(`${w}.readout.notOpened`)}</p>}
    </Card>
  );
}
