import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FEE_BASES, FEE_KINDS, FEE_PAYERS, type FeeItemInput } from '@bidhall/contracts';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feesApi } from '../../api/fees.ts';
import { problemMessage } from '../../api/problem.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { fenToYuan, yuanToFen } from '../projects/money.ts';
import { FeeChargesCard } from './FeeChargesCard.tsx';

type Kind = (typeof FEE_KINDS)[number];
interface Row {
  key: number;
  kind: Kind;
  basis: (typeof FEE_BASES)[number];
  value: string;
  payer: (typeof FEE_PAYERS)[number];
}

/**
 * 交易费用 (decision 0038): the region's fee schedule — zero by default, never a document fee — and the
 * charges computed at the award with their settlement (a statement line claimed, or a deposit offset).
 */
export function FeesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const region = user?.regionCode ?? '';
  const canEdit = user?.kind === 'staff' || user?.kind === 'admin';
  const schedule = useLoader(() => feesApi.schedules(region), [region]);
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const s = schedule.data?.[0];

  useEffect(() => {
    setRows(
      (s?.items ?? []).map((i, key) => ({
        key,
        kind: i.kind,
        basis: i.basis,
        value: i.basis === 'fixed' ? fenToYuan(i.amountFen ?? '0') : (i.perMille ?? ''),
        payer: i.payer,
      })),
    );
  }, [s]);

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = async () => {
    const items: FeeItemInput[] = rows.map((r) =>
      r.basis === 'fixed'
        ? { kind: r.kind, basis: r.basis, payer: r.payer, amountFen: yuanToFen(r.value) ?? r.value }
        : { kind: r.kind, basis: r.basis, payer: r.payer, perMille: r.value.trim() },
    );
    setSaving(true);
    try {
      const saved = await feesApi.setSchedule({ regionCode: region, items });
      message.success(t('fees.staff.saved', { version: saved.version }));
      await schedule.reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setSaving(false);
    }
  };
  const unused = FEE_KINDS.filter((k) => !rows.some((r) => r.kind === k));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="staff-fees">
      <Card
        title={`${t('fees.staff.schedule')} · ${t('fees.staff.region')} ${region}`}
        extra={
          s && s.version > 0 ? (
            <Tag data-testid="fee-schedule-version" data-version={s.version}>
              {t('fees.staff.version', { version: s.version })}
            </Tag>
          ) : null
        }
      >
        {schedule.error ? <ProblemAlert error={schedule.error} /> : null}
        <Alert
          type="info"
          showIcon
          className="card-lead"
          message={s && s.version > 0 ? t('fees.staff.hint') : t('fees.staff.never')}
          description={s && s.version > 0 ? undefined : t('fees.staff.hint')}
        />
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('fees.staff.never') }}
          data-testid="fee-schedule-items"
          columns={[
            {
              title: t('fees.staff.kind'),
              dataIndex: 'kind',
              render: (k: Kind, r) => (
                <Select
                  data-testid="fee-item-kind"
                  style={{ minWidth: 180 }}
                  disabled={!canEdit}
                  value={k}
                  onChange={(kind) => update(r.key, { kind })}
                  options={FEE_KINDS.map((x) => ({
                    value: x,
                    label: t(`fees.kinds.${x}`),
                    disabled: x !== k && !unused.includes(x),
                  }))}
                />
              ),
            },
            {
              title: t('fees.staff.basis'),
              dataIndex: 'basis',
              render: (b: Row['basis'], r) => (
                <Select
                  data-testid="fee-item-basis"
                  style={{ minWidth: 180 }}
                  disabled={!canEdit}
                  value={b}
                  onChange={(basis) => update(r.key, { basis, value: '' })}
                  options={FEE_BASES.map((x) => ({ value: x, label: t(`fees.bases.${x}`) }))}
                />
              ),
            },
            {
              title: `${t('fees.staff.amount')} / ${t('fees.staff.perMille')}`,
              dataIndex: 'value',
              render: (v: string, r) => (
                <Input
                  data-testid="fee-item-value"
                  style={{ width: 160 }}
                  disabled={!canEdit}
                  value={v}
                  suffix={r.basis === 'perMille' ? '‰' : '¥'}
                  onChange={(e) => update(r.key, { value: e.target.value })}
                />
              ),
            },
            {
              title: t('fees.staff.payer'),
              dataIndex: 'payer',
              render: (p: Row['payer'], r) => (
                <Select
                  data-testid="fee-item-payer"
                  style={{ minWidth: 120 }}
                  disabled={!canEdit}
                  value={p}
                  onChange={(payer) => update(r.key, { payer })}
                  options={FEE_PAYERS.map((x) => ({ value: x, label: t(`fees.payers.${x}`) }))}
                />
              ),
            },
            {
              title: '',
              key: 'remove',
              width: 50,
              render: (_, r) =>
                canEdit && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  />
                ),
            },
          ]}
        />
        {canEdit && (
          <Space style={{ marginTop: 12 }}>
            <Button
              icon={<PlusOutlined />}
              disabled={unused.length === 0}
              data-testid="fee-item-add"
              onClick={() =>
                setRows((rs) => [...rs, { key: Date.now(), kind: unused[0]!, basis: 'fixed', value: '', payer: 'winner' }])
              }
            >
              {t('fees.staff.addItem')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="fee-schedule-save">
              {t('fees.staff.save')}
            </Button>
          </Space>
        )}
      </Card>
      <FeeChargesCard />
    </Space>
  );
}
