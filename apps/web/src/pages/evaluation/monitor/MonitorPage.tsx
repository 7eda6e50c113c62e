import type { MonitorEvaluation, MonitorMember } from '@bidhall/contracts';
import { Badge, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { formatTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { useMonitor } from './useMonitor.ts';

function EvaluationCard({ e }: { e: MonitorEvaluation }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const labelOf = new Map(e.venues.flatMap((v) => v.workstations.map((w) => [w.id, `${v.name} · ${w.label}`] as const)));
  const nameOf = new Map(e.members.map((m) => [m.id, m.name]));
  return (
    <Card
      title={
        <Space>
          <Tag color={e.sitting === 'application' ? 'purple' : 'blue'} data-testid="monitor-sitting">{t(`evaluation.sittings.${e.sitting}`)}</Tag>
          {e.sectionName}
        </Space>
      }
      extra={<Tag color={e.window.openNow ? 'green' : 'default'}>{t(e.window.openNow ? 'evaluationVenues.monitor.openNow' : 'evaluationVenues.monitor.notYet')}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="monitor-evaluation"
      data-sitting={e.sitting}
    >
      <Descriptions size="small" column={2} items={[
        { key: 'w', label: t('evaluationVenues.monitor.window'), children: `${formatTime(e.window.startsAt)} — ${formatTime(e.window.endsAt)}` },
        { key: 'o', label: '', children: e.observers ? t('evaluationVenues.monitor.observers', { count: e.observers }) : null },
      ]} />
      <Table<MonitorMember>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={e.members}
        columns={[
          {
            title: t('evaluationVenues.monitor.member'),
            key: 'who',
            render: (_, m) => (
              <Space>
                {m.name}
                <Tag>{m.role === 'expert' ? t('evaluationVenues.monitor.seat', { seat: m.seat }) : t('evaluationVenues.monitor.role.representative')}</Tag>
                {m.chair && <Tag color="gold">{t('evaluationVenues.monitor.chair')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('evaluationVenues.monitor.presence'),
            key: 'present',
            render: (_, m) => <Badge status={m.present ? 'success' : 'default'} text={t(m.present ? 'evaluationVenues.monitor.present' : 'evaluationVenues.monitor.absent')} data-testid={`presence-${m.id}`} />,
          },
          { title: t('evaluationVenues.monitor.signedIn'), key: 'signedIn', render: (_, m) => (m.signedInAt ? formatTime(m.signedInAt, true) : <Typography.Text type="secondary">{t('evaluationVenues.monitor.notSignedIn')}</Typography.Text>) },
          { title: t('evaluationVenues.monitor.where'), key: 'where', render: (_, m) => (m.workstationId ? labelOf.get(m.workstationId) ?? '—' : '—') },
          { title: t('evaluationVenues.monitor.submitted'), key: 'submitted', render: (_, m) => <Tag color={m.submitted ? 'blue' : 'default'}>{t(m.submitted ? 'evaluationVenues.monitor.submitted' : 'evaluationVenues.monitor.notSubmitted')}</Tag> },
        ]}
      />
      {e.venues.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('evaluationVenues.monitor.noVenues')}</Typography.Paragraph>
      ) : (
        <Row gutter={12} style={{ marginTop: 12 }}>
          {e.venues.map((v) => (
            <Col key={v.id} xs={24} md={12}>
              <Card size="small" title={<Space>{v.name}<Tag color={v.role === 'main' ? 'blue' : 'default'}>{t(`evaluationVenues.venues.kinds.${v.role}`)}</Tag><Typography.Text type="secondary">{regionName(v.regionCode)}</Typography.Text></Space>}>
                <Space wrap>
                  {v.workstations.map((w) => (
                    <Tag key={w.id} color={w.revoked ? 'red' : w.memberId ? 'green' : 'default'}>
                      {w.label} · {w.revoked ? t('evaluationVenues.venues.revoked') : w.memberId ? nameOf.get(w.memberId) : t('evaluationVenues.monitor.free')}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

/** 评标监控 (A-154): the region's evaluations under way, live — the bids' (评标) and the prequalification reviews (资格审查), each tagged. */
export default function MonitorPage() {
  const { t } = useTranslation();
  const { view, error, live } = useMonitor();
  return (
    <>
      <PageHeading
        title={t('evaluationVenues.monitor.title')}
        subtitle={t('evaluationVenues.monitor.subtitle')}
        trail={[{ title: t('evaluationVenues.nav.monitor') }]}
        extra={<Badge status={live === 'live' ? 'processing' : 'warning'} text={t(live === 'live' ? 'evaluationVenues.monitor.live' : 'evaluationVenues.monitor.reconnecting')} />}
      />
      <div className="container page-body">
        {error && !view ? <LoadError error={error} /> : null}
        {!view && !error ? <Spin /> : null}
        {view?.evaluations.length === 0 && <Empty description={t('evaluationVenues.monitor.empty')} />}
        {view?.evaluations.map((e) => <EvaluationCard key={`${e.sectionId}/${e.sitting}`} e={e} />)}
      </div>
    </>
  );
}
