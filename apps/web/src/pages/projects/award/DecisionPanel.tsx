import type { AwardDecisionView, AwardStandingView, SectionDetail } from '@bidhall/contracts';
import { Alert, Descriptions, Divider, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { formatFen } from '../money.ts';
import { decisionBlock } from './awardStates.ts';
import { CandidatesTable } from './CandidatesTable.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { PeriodStatus } from './PeriodStatus.tsx';
import { ProceedingCard } from './ProceedingCard.tsx';
import { ReportForm } from './ReportForm.tsx';
import { SeparatedAwardForm } from './SeparatedAwardForm.tsx';
import { SettingPanel } from './SettingPanel.tsx';

/** The decision as made: the winner, its rank (or the separated award's method) and price, who decided, when, and why. */
function DecisionSummary({ d }: { d: AwardDecisionView }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="decision-summary"
      items={[
        {
          key: 'winner',
          label: t('award.decision.winner'),
          children: <strong data-testid="decision-winner">{d.entityName}</strong>,
        },
        d.method
          ? {
              key: 'method',
              label: t('award.separated.method'),
              children: <span data-testid="decision-method">{t(`award.separated.methods.${d.method}`)}</span>,
            }
          : {
              key: 'rank',
              label: t('award.decision.rank'),
              children: d.rank === null ? t('award.separated.unranked') : t('award.decision.rankN', { rank: d.rank }),
            },
        { key: 'price', label: t('award.decision.price'), children: <span className="mono">{formatFen(d.priceFen)}</span> },
        { key: 'at', label: t('award.decision.decidedAt'), children: formatTime(d.decidedAt) },
        { key: 'authority', label: t('award.decision.authority'), span: 2, children: t(`award.setting.${d.authority}`) },
        ...(d.passedOver
          ? [
              {
                key: 'passedOver',
                label: t('award.decision.passedOverLabel'),
                span: 2,
                children: t(`award.decision.grounds.${d.passedOver}`),
              },
            ]
          : []),
        ...(d.reason
          ? [{ key: 'reason', label: t('award.decision.reason'), span: 2, children: <div className="pre-wrap">{d.reason}</div> }]
          : []),
      ]}
    />
  );
}

/**
 * 定标 tab (decision 0035): who decides; the candidates and the decision among them once the
 * publicity is over and nothing holds it (A-168, B-027); then the decision and the written report to
 * the supervisor within 15 days (Law 47).
 */
export function DecisionPanel({
  section,
  standing: s,
  onChanged,
}: {
  section: SectionDetail;
  standing: AwardStandingView;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { now } = useServerClock();
  const p = s.publicity;
  const blocked = decisionBlock(s, now());
  const separated = s.separatedAward;
  const names = new Map((p?.candidates ?? []).map((c) => [c.bidId, c.entityName]));
  return (
    <div data-testid="award-decision">
      {/* Under the separated award the tenderer's award committee decides: who decides is moot. */}
      {!separated && (
        <>
          <Divider titlePlacement="start">{t('award.setting.title')}</Divider>
          <SettingPanel
            key={`${s.setting.authority}/${s.setting.setAt ?? ''}`}
            sectionId={section.id}
            setting={s.setting}
            canManage={section.canManage}
            onChanged={onChanged}
          />
        </>
      )}
      <Divider titlePlacement="start">{t('award.decision.title')}</Divider>
      {separated && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t('award.separated.title')}
          description={t('award.separated.lead')}
          data-testid="decision-separated"
        />
      )}
      {s.proceeding && (
        <ProceedingCard
          sectionId={section.id}
          proceeding={s.proceeding}
          names={names}
          winner={s.decision?.entityName ?? null}
          canManage={section.canManage}
          onChanged={onChanged}
        />
      )}
      {s.firstRankedOnly && !separated && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t('award.decision.firstRankedOnly')}
          description={t(
            s.setting.authority === 'committee' ? 'award.decision.firstRankedCommittee' : 'award.decision.firstRankedStateFunded',
          )}
          data-testid="decision-first-ranked-only"
        />
      )}
      {s.decision ? (
        <>
          <DecisionSummary d={s.decision} />
          <Divider titlePlacement="start">{t('award.writtenReport.title')}</Divider>
          <ReportForm sectionId={section.id} decision={s.decision} canManage={section.canManage} onChanged={onChanged} />
        </>
      ) : (
        <>
          {blocked && (
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              title={t(`award.decision.blocked.${blocked}`)}
              description={blocked === 'publicityRunning' && p ? <PeriodStatus publicity={p} /> : undefined}
              data-testid="decision-blocked"
              data-reason={blocked}
            />
          )}
          {p && p.state === 'published' && <CandidatesTable candidates={p.candidates} />}
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            {separated ? (
              s.proceeding ? null : section.canManage && !blocked && p ? (
                <SeparatedAwardForm sectionId={section.id} terms={separated} candidates={p.candidates} onRecorded={onChanged} />
              ) : (
                !section.canManage && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('award.separated.notRecorded')} />
                )
              )
            ) : section.canManage && !blocked && p ? (
              <DecisionForm
                sectionId={section.id}
                candidates={p.candidates}
                firstRankedOnly={s.firstRankedOnly}
                onDecided={onChanged}
              />
            ) : (
              !section.canManage && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('award.decision.notDecided')} />
            )}
          </Space>
        </>
      )}
    </div>
  );
}
