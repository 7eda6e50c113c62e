import { Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencyContract } from '../../../api/projects.ts';
import { formatTime } from '../../../format.ts';

/** Every round of the contract text, newest first, with each side's signed opinion. */
export function RoundHistory({ contract }: { contract: AgencyContract }) {
  const { t } = useTranslation();
  if (contract.rounds.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.contract.noOpinions')} />;
  const latest = contract.rounds.at(-1)?.round;
  return (
    <Collapse
      data-testid="contract-rounds"
      defaultActiveKey={latest ? [String(latest)] : []}
      items={[...contract.rounds].reverse().map((r) => ({
        key: String(r.round),
        label: (
          <Space wrap>
            <strong>{t('projects.round', { round: r.round })}</strong>
            <Tag>{t(`projects.side.${r.proposedBy}`)}</Tag>
            <span className="muted small">{formatTime(r.proposedAt)}</span>
            {contract.agreedRound === r.round && <Tag color="success">{t('projects.contract.agreedRound', { round: r.round })}</Tag>}
            {r.opinions.map((o) => (
              <Tag key={o.side} color={o.accept ? 'green' : 'orange'}>
                {t(`projects.side.${o.side}`)} · {t(o.accept ? 'projects.contract.accept' : 'projects.contract.disagree')}
              </Tag>
            ))}
          </Space>
        ),
        children: (
          <>
            {r.note && (
              <Typography.Paragraph>
                {t('projects.labelled', { label: t('projects.contract.note') })}
                {r.note}
              </Typography.Paragraph>
            )}
            <pre className="contract-text">{r.text}</pre>
            <div className="muted small mono">
              {t('projects.labelled', { label: t('projects.contract.textSm3') })}
              {r.textSm3}
            </div>
            {r.opinions.length > 0 && (
              <Descriptions
                className="confirm-block"
                size="small"
                bordered
                column={1}
                title={t('projects.contract.opinions')}
                items={r.opinions.map((o) => ({
                  key: o.side,
                  label: t(`projects.side.${o.side}`),
                  children: (
                    <div>
                      <Tag color={o.accept ? 'green' : 'orange'}>{t(o.accept ? 'projects.contract.accept' : 'projects.contract.disagree')}</Tag>
                      {o.opinion}
                      <div className="muted small">
                        {o.signature.subject} · {formatTime(o.signature.signedAt)}
                      </div>
                    </div>
                  ),
                }))}
              />
            )}
          </>
        ),
      }))}
    />
  );
}
