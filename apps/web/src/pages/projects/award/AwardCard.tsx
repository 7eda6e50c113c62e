import { FileTextOutlined } from '@ant-design/icons';
import type { SectionDetail } from '@bidhall/contracts';
import { Alert, Button, Card, Descriptions, Divider, Empty, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { awardApi } from '../../../api/award.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { VerifyActions } from '../../../components/VerifyActions.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { NOTICE_STATE_COLOURS, PUBLICITY_STATE_COLOURS, publicityStep } from './awardStates.ts';
import { CandidatesTable } from './CandidatesTable.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';
import { ObjectionsTable } from './ObjectionsTable.tsx';
import { PeriodStatus } from './PeriodStatus.tsx';
import { PublicityForm } from './PublicityForm.tsx';

const STEPS = ['draft', 'pendingVerification', 'published'] as const;

/**
 * 定标 of a section (decisions 0034, 0035): the candidates' publicity from the completed evaluation report —
 * drafted by the tenderer or its agency (A-163), verified by staff (A-164), published (B-029) — and the
 * objections to the result raised during it, with the answers; unanswered ones suspend the award (B-031);
 * then the decision of the winner with the written report (定标 tab), and the award notices (中标通知书 tab).
 */
export function AwardCard({ section }: { section: SectionDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const standing = useLoader(() => awardApi.standing(section.id), [section.id]);
  const objections = useLoader(() => awardApi.objections(section.id), [section.id]);
  const isStaff = user?.kind === 'staff';
  const s = standing.data;
  const p = s?.publicity ?? null;
  const step = publicityStep(p);
  const reload = async () => {
    await Promise.all([standing.reload(), objections.reload()]);
  };

  const publicityTab = !s ? null : (
    <>
      <Steps
        size="small"
        className="card-lead"
        current={Math.max(step, 0)}
        status={step < 0 ? 'wait' : p?.state === 'published' ? 'finish' : 'process'}
        items={STEPS.map((k) => ({ title: t(`award.states.${k}`) }))}
        data-testid="publicity-steps"
      />
      {p?.rejection && p.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('award.rejection')}
          description={t('award.rejectionReason', { reason: p.rejection })}
          data-testid="publicity-rejection"
        />
      )}
      {p?.state === 'pendingVerification' && <Alert type="info" showIcon className="form-alert" title={t('award.pendingLead')} />}
      {!p ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={section.canManage ? t('award.notDrafted') : t('award.notDraftedReadOnly')}
        />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'period',
                label: t('award.period.label'),
                span: 2,
                children: (
                  <Space wrap>
                    <span className="mono" data-testid="publicity-period-text">
                      {formatTime(p.startsAt)} — {formatTime(p.endsAt)}
                    </span>
                    {p.state === 'published' && <PeriodStatus publicity={p} />}
                  </Space>
                ),
              },
              {
                key: 'latest',
                label: t('award.period.latestStartLabel'),
                span: 2,
                children: (
                  <span>
                    <span className="mono" data-testid="publicity-latest-start">
                      {p.latestStart}
                    </span>
                    <span className="muted small"> · {t('award.period.rule')}</span>
                  </span>
                ),
              },
              {
                key: 'report',
                label: t('award.report'),
                span: 2,
                children: (
                  <div>
                    <Typography.Text className="mono break small" copyable>
                      {p.reportSm3}
                    </Typography.Text>
                    <div className="muted small">{t('award.reportCompletedAt', { time: formatTime(p.reportCompletedAt) })}</div>
                  </div>
                ),
              },
              ...(p.remarks
                ? [
                    {
                      key: 'remarks',
                      label: t('award.form.remarks'),
                      span: 2,
                      children: <div className="pre-wrap">{p.remarks}</div>,
                    },
                  ]
                : []),
              ...(p.verifiedAt && p.state === 'published'
                ? [
                    {
                      key: 'published',
                      label: t('award.states.published'),
                      span: 2,
                      children: t('award.publishedAt', { time: formatTime(p.verifiedAt) }),
                    },
                  ]
                : []),
            ]}
          />
          <Divider titlePlacement="start">{t('award.candidates.title')}</Divider>
          <CandidatesTable candidates={p.candidates} />
        </>
      )}
      {section.canManage && (!p || p.state === 'draft') && (
        <>
          <Divider titlePlacement="start">{t('award.publicityTitle')}</Divider>
          <PublicityForm
            key={p ? `${p.id}/${p.startsAt}/${p.endsAt}/${p.remarks}` : 'new'}
            sectionId={section.id}
            publicity={p}
            onChanged={reload}
          />
        </>
      )}
      {isStaff && p?.state === 'pendingVerification' && (
        <>
          <Divider />
          <VerifyActions
            labels={t('award.verify', { returnObjects: true })}
            approve={() => awardApi.verifyPublicity(section.id, { decision: 'approve' })}
            reject={(reason) => awardApi.verifyPublicity(section.id, { decision: 'reject', reason })}
            onChanged={reload}
            testId="publicity"
          />
        </>
      )}
    </>
  );

  const list = objections.data ?? [];
  return (
    <Card
      title={
        <Space wrap size={[8, 4]}>
          {t('award.title')}
          {s && (
            <Tag
              color={p ? PUBLICITY_STATE_COLOURS[p.state] : 'default'}
              data-testid="publicity-state"
              data-state={p?.state ?? 'none'}
            >
              {t('award.publicityTitle')} · {t(`award.states.${p?.state ?? 'none'}`)}
            </Tag>
          )}
          {s?.separatedAward && (
            <Tag color="blue" data-testid="award-separated-tag">
              {t('award.separated.title')} · {t(`award.separated.methods.${s.separatedAward.method}`)}
            </Tag>
          )}
          {s?.decision && (
            <Tag color="gold" data-testid="award-winner-tag">
              {t('award.winnerTag', { name: s.decision.entityName })}
            </Tag>
          )}
          {s?.notice && (
            <Tag color={NOTICE_STATE_COLOURS[s.notice.state]}>
              {t('award.tabs.notices')} · {t(`award.notices.states.${s.notice.state}`)}
            </Tag>
          )}
        </Space>
      }
      extra={
        p?.publicationId && (
          <Link to={`/notices/${p.publicationId}`} data-testid="publicity-notice-link">
            <Button icon={<FileTextOutlined />}>{t('award.notice')}</Button>
          </Link>
        )
      }
      data-testid="award-card"
    >
      {standing.error && !s ? (
        <ProblemAlert error={standing.error} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <>
          {s.suspended && (
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              title={t('award.suspended')}
              description={t('award.suspendedDetail', { count: s.openObjections })}
              data-testid="award-suspended"
            />
          )}
          <Tabs
            defaultActiveKey={s.notice ? 'notices' : s.decision || s.decidable ? 'decision' : 'publicity'}
            items={[
              { key: 'publicity', label: t('award.tabs.publicity'), children: publicityTab },
              {
                key: 'objections',
                label: <span data-testid="award-objections-tab">{t('award.tabs.objections', { count: list.length })}</span>,
                children: objections.error ? (
                  <ProblemAlert error={objections.error} />
                ) : (
                  <ObjectionsTable objections={list} canAnswer={section.canManage} onAnswered={reload} />
                ),
              },
              {
                key: 'decision',
                label: <span data-testid="award-decision-tab">{t('award.tabs.decision')}</span>,
                children: <DecisionPanel section={section} standing={s} onChanged={reload} />,
              },
              {
                key: 'notices',
                label: <span data-testid="award-notices-tab">{t('award.tabs.notices')}</span>,
                children: <NoticesPanel section={section} standing={s} isStaff={isStaff} onChanged={reload} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
