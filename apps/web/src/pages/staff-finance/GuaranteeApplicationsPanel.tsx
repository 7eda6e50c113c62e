import { LockOutlined } from '@ant-design/icons';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATE_COLORS, type GuaranteeApplicationView, guaranteesApi } from '../../api/guarantees.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';

/**
 * 电子保函 for the centre's staff (decision 0037): the guarantee applications of their regions — before
 * a section's deadline sealed by the server (state and time only, A-107), whole afterwards.
 */
export function GuaranteeApplicationsPanel() {
  const { t } = useTranslation();
  const rows = useLoader(() => guaranteesApi.list({ limit: 200 }), []);
  const sealed = (
    <Tag icon={<LockOutlined />} className="inline-tag">
      {t('guarantees.staff.sealed')}
    </Tag>
  );
  return (
    <Card data-testid="guarantee-applications-panel">
      <Typography.Paragraph type="secondary">{t('guarantees.staff.hint')}</Typography.Paragraph>
      {rows.error ? (
        <LoadError error={rows.error} onRetry={() => void rows.reload()} />
      ) : (
        <Table<GuaranteeApplicationView>
          rowKey="id"
          size="small"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          scroll={{ x: 1000 }}
          onRow={(r) => ({ 'data-testid': 'guarantee-application-row', 'data-sealed': String(r.sealed) }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('guarantees.staff.appliedAt'), dataIndex: 'appliedAt', width: 160, render: (v: string) => formatTime(v) },
            { title: t('guarantees.app.state'), dataIndex: 'state', width: 110, render: (v: GuaranteeApplicationView['state']) => <Tag color={APPLICATION_STATE_COLORS[v]}>{t(`guarantees.states.${v}`)}</Tag> },
            { title: t('guarantees.staff.bidder'), dataIndex: 'entityName', render: (v: string | null, r) => (r.sealed ? sealed : v) },
            { title: t('guarantees.app.issuer'), dataIndex: 'issuerName', render: (v: string | null, r) => (r.sealed ? sealed : v) },
            { title: t('guarantees.app.number'), dataIndex: 'guaranteeNumber', render: (v: string | null, r) => (r.sealed ? sealed : <span className="mono small">{v ?? '—'}</span>) },
            { title: t('guarantees.app.amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: (v: string | null, r) => (r.sealed ? sealed : <span className="mono">{formatFen(v ?? '0')}</span>) },
            { title: t('guarantees.app.premium'), dataIndex: 'premiumFen', width: 110, align: 'right', render: (v: string | null, r) => (r.sealed ? sealed : <span className="mono">{formatFen(v ?? '0')}</span>) },
          ]}
        />
      )}
    </Card>
  );
}
