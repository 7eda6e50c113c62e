import type { FEE_KINDS, FeeChargeView } from '@bidhall/contracts';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { feesApi } from '../../api/fees.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';
import { FeeSettleModal } from './FeeSettleModal.tsx';

type Kind = (typeof FEE_KINDS)[number];

/** The charges of the staff member's regions with their settlements (decision 0038); staff settle a due one. */
export function FeeChargesCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const charges = useLoader(() => feesApi.charges(), []);
  const [settling, setSettling] = useState<FeeChargeView>();
  return (
    <>
      <Card title={t('fees.staff.charges')} data-testid="fee-charges-card">
        {charges.error ? <ProblemAlert error={charges.error} /> : null}
        <Table<FeeChargeView>
          size="small"
          rowKey="id"
          loading={charges.loading}
          dataSource={charges.data ?? []}
          locale={{ emptyText: t('fees.staff.empty') }}
          data-testid="fee-charges"
          scroll={{ x: 1000 }}
          columns={[
            { title: t('fees.staff.kind'), dataIndex: 'kind', render: (k: Kind) => t(`fees.kinds.${k}`) },
            {
              title: t('fees.staff.section'),
              dataIndex: 'sectionId',
              // The section's page, where its award and contract are: the charge follows the public award.
              // Named as projects has it; the id's prefix only when it knows no such section.
              render: (id: string, r) => (
                <Link
                  to={`/projects/sections/${id}`}
                  title={r.sectionCode ?? undefined}
                  className={r.sectionName ? undefined : 'mono small'}
                  data-testid="fee-charge-section"
                >
                  {r.sectionName ? [r.projectName, r.sectionName].filter(Boolean).join(' / ') : id.slice(0, 8)}
                </Link>
              ),
            },
            {
              title: t('fees.staff.payer'),
              dataIndex: 'payerName',
              render: (n: string, r) => `${n}（${t(`fees.payers.${r.payerRole}`)}）`,
            },
            {
              title: t('fees.staff.base'),
              dataIndex: 'baseFen',
              align: 'right',
              render: (f: string) => <span className="mono">{formatFen(f)}</span>,
            },
            {
              title: t('fees.staff.charge'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: string, r) => (
                <span className="mono">
                  {formatFen(f)}
                  {r.perMille ? ` (${r.perMille}‰)` : ''}
                </span>
              ),
            },
            {
              title: t('fees.staff.state'),
              dataIndex: 'state',
              render: (st: FeeChargeView['state']) => (
                <Tag color={st === 'settled' ? 'success' : 'warning'}>{t(`fees.states.${st}`)}</Tag>
              ),
            },
            {
              title: t('fees.staff.settlement'),
              dataIndex: 'settlement',
              render: (x: FeeChargeView['settlement']) =>
                x ? `${t(`fees.methods.${x.method}`)} ${formatTime(x.settledAt)}` : '—',
            },
            {
              title: '',
              key: 'settle',
              render: (_, r) =>
                r.state === 'due' &&
                user?.kind === 'staff' && (
                  <Button size="small" onClick={() => setSettling(r)}>
                    {t('fees.staff.settle')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {settling && (
        <FeeSettleModal charge={settling} onClose={() => setSettling(undefined)} onDone={() => void charges.reload()} />
      )}
    </>
  );
}
