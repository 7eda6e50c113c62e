import type { FeeChargeView } from '@bidhall/contracts';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feesApi } from '../../api/fees.ts';
import { problemMessage } from '../../api/problem.ts';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';
import { financeApi } from './financeApi.ts';

/** Staff settle a charge (decision 0038): an unmatched credit of the charge's amount claimed, or the payer's deposit offset. */
export function FeeSettleModal({ charge, onClose, onDone }: { charge: FeeChargeView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lines = useLoader(() => financeApi.lines({ status: 'unmatched', limit: 500 }), []);
  const [lineId, setLineId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (body: Parameters<typeof feesApi.settle>[1]) => {
    setBusy(true);
    try {
      await feesApi.settle(charge.id, body);
      message.success(t('fees.staff.settled'));
      onDone();
      onClose();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const matching = (lines.data ?? []).filter((l) => l.direction === 'credit' && l.amountFen === charge.amountFen);
  return (
    <Modal open title={t('fees.staff.settleTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        {t(`fees.kinds.${charge.kind}`)} · <span className="mono">{formatFen(charge.amountFen)}</span> · {charge.payerName}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('fees.methods.bankTransfer')}</Typography.Text>
        <Select
          style={{ width: '100%' }}
          loading={lines.loading}
          placeholder={t('fees.staff.statementLine')}
          value={lineId}
          onChange={setLineId}
          options={matching.map((l) => ({
            value: l.id,
            label: `${formatTime(l.bookedAt)} ${l.payerName ?? ''} ${formatFen(l.amountFen)} ${l.bankSerial}`,
          }))}
        />
        <Button
          type="primary"
          disabled={!lineId}
          loading={busy}
          onClick={() => void run({ method: 'bankTransfer', statementLineId: lineId! })}
        >
          {t('fees.staff.settle')}
        </Button>
        <Typography.Text strong>{t('fees.methods.depositOffset')}</Typography.Text>
        <Button loading={busy} onClick={() => void run({ method: 'depositOffset' })}>
          {t('fees.methods.depositOffset')}
        </Button>
      </Space>
    </Modal>
  );
}
