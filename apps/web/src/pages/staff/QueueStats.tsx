import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/staff.ts';
import { useLoader } from '../../hooks/useLoader.ts';

interface Props {
  onPick: (changes: Record<string, string>) => void;
  /** Changes whenever the queue reloads, so the counts follow. */
  refreshKey: unknown;
}

/** What needs attention: registrations to review, post-checks to make, entities suspended. */
export function QueueStats({ onPick, refreshKey }: Props) {
  const { t } = useTranslation();
  const counts = useLoader(async () => {
    const [pending, postCheck, suspended] = await Promise.all([
      staffApi.entities({ status: 'pending', limit: 1, offset: 0 }),
      staffApi.entities({ postCheck: 'pending', status: 'active', limit: 1, offset: 0 }),
      staffApi.entities({ status: 'suspended', limit: 1, offset: 0 }),
    ]);
    return { pending: pending.total, postCheck: postCheck.total, suspended: suspended.total };
  }, [refreshKey]);
  const stats = [
    { key: 'pending', value: counts.data?.pending, pick: { status: 'pending' }, colour: '#0b4ea2' },
    { key: 'postCheck', value: counts.data?.postCheck, pick: { status: 'active', postCheck: 'pending' }, colour: '#d48806' },
    { key: 'suspended', value: counts.data?.suspended, pick: { status: 'suspended' }, colour: '#c8102e' },
  ] as const;
  return (
    <Row gutter={16} className="queue-stats">
      {stats.map((s) => (
        <Col key={s.key} xs={24} md={8}>
          <Card hoverable size="small" onClick={() => onPick({ ...s.pick })} data-testid={`stat-${s.key}`}>
            <Statistic
              title={t(`staff.stats.${s.key}`)}
              value={s.value ?? '—'}
              loading={counts.loading && !counts.data}
              styles={{ content: { color: s.colour } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
