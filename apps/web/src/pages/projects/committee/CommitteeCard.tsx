import { AuditOutlined, LockOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { CommitteePlanInput, CommitteeView, SectionDetail, Sitting } from '@bidhall/contracts';
import { Alert, Button, Card, Divider, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { committeeApi } from '../../../api/experts.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ReasonModal } from '../../admin/ReasonModal.tsx';
import { roomPath, roomWords } from '../../evaluation/sitting.ts';
import { DrawsTable } from './DrawsTable.tsx';
import { PlanForm } from './PlanForm.tsx';
import { isWordedRule, issueValues } from './planIssues.ts';
import { PlanSummary } from './PlanSummary.tsx';
import { SeatsTable } from './SeatsTable.tsx';
import '../../experts/experts.css';

const STATE_COLOURS: Record<CommitteeView['state'], string> = {
  unplanned: 'default',
  planned: 'blue',
  drawing: 'processing',
  complete: 'success',
};

/**
 * 专家抽取 of a section: the plan, its composition issues, the draws and the seats — no expert is named.
 * The evaluation committee ('bid'), or the prequalification review committee ('application', A-158) drawn
 * once the applications are opened.
 */
export function CommitteeCard({ section, sitting = 'bid' }: { section: SectionDetail; sitting?: Sitting }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useLoader(() => committeeApi.get(section.id, sitting), [section.id, sitting]);
  const [view, setView] = useState<CommitteeView>();
  const [refused, setRefused] = useState<{ plan: CommitteePlanInput; issues: { rule: string; message: string }[] }>();
  const [drawing, setDrawing] = useState(false);
  useEffect(() => setView(loaded.data), [loaded.data]);

  const isStaff = user?.kind === 'staff';
  // A plan is set while tendering or after the opening; experts are drawn only after it, once the bidders to avoid are known.
  const plannable = section.stage === 'tendering' || section.stage === 'opened';
  const canPlan = (isStaff || section.canManage) && plannable;
  const v = view;
  // The refusals of the plan just sent, else those of the saved plan (if the rules changed since it was saved).
  const issues = refused?.issues.length
    ? refused
    : v?.plan && v.planIssues.length
      ? { plan: v.plan, issues: v.planIssues }
      : undefined;
  const values = issues ? issueValues(issues.plan) : undefined;
  // The review committee is drawn while the section is tendering (its applications opened; the server checks the hall).
  const drawable = sitting === 'application' ? section.stage === 'tendering' : section.stage === 'opened';
  const canDraw = isStaff && drawable && v !== undefined && v.plan !== null && v.planIssues.length === 0 && v.open > 0;

  return (
    <Card
      title={
        <Space>
          {t(sitting === 'application' ? 'experts.committee.reviewTitle' : 'experts.committee.title')}
          {v && (
            <Tag color={STATE_COLOURS[v.state]} data-testid="committee-state">
              {t(`experts.committee.states.${v.state}`)}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Space>
          {/* Into the committee's room: the 评标室, or the review committee's 资格审查室 (decision 0032). */}
          {v && v.draws.length > 0 && (
            <Link to={roomPath(section.id, sitting)} data-testid={sitting === 'application' ? 'review-room-link' : 'committee-room-link'}>
              <Button icon={<AuditOutlined />}>{t(`${roomWords(sitting)}.links.room`)}</Button>
            </Link>
          )}
          {isStaff && v && (
            <Tooltip
              title={
                drawable
                  ? undefined
                  : t(
                      sitting === 'application'
                        ? 'experts.committee.drawAfterApplications'
                        : 'experts.committee.drawAfterOpening',
                    )
              }
            >
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                disabled={!canDraw}
                onClick={() => setDrawing(true)}
                data-testid="committee-draw"
              >
                {t(v.draws.length ? 'experts.committee.redraw' : 'experts.committee.draw')}
              </Button>
            </Tooltip>
          )}
        </Space>
      }
      data-testid={sitting === 'application' ? 'review-committee-card' : 'committee-card'}
    >
      {loaded.error && !v ? (
        <ProblemAlert error={loaded.error} />
      ) : !v ? (
        <Skeleton active />
      ) : (
        <>
          <Alert type="info" showIcon icon={<LockOutlined />} title={t('experts.committee.secret')} className="form-alert" />
          {issues && values && (
            <Alert
              type="error"
              showIcon
              className="form-alert"
              title={t('experts.committee.issues')}
              description={
                <ul className="committee-issues" data-testid="committee-issues">
                  {issues.issues.map((i) => (
                    <li key={`${i.rule}/${i.message}`} data-rule={i.rule}>
                      <Tooltip title={i.message}>
                        <Tag>{i.rule}</Tag>
                      </Tooltip>
                      {isWordedRule(i.rule) ? t(`experts.committee.rules.${i.rule}`, values) : i.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {v.plan && (
            <Space wrap className="muted">
              <span data-testid="committee-open">{t('experts.committee.open', { count: v.open })}</span>
              {v.draws.length > 0 && <span>{t('experts.committee.avoided', { count: v.avoided })}</span>}
            </Space>
          )}
          <Divider titlePlacement="start">{t('experts.committee.plan.title')}</Divider>
          {!canPlan && !v.plan && (
            <div className="muted small card-lead">
              {t(plannable ? 'experts.committee.plan.readOnly' : 'experts.committee.plan.notPlannable')}
            </div>
          )}
          {v.plan && (!canPlan || v.draws.length > 0) ? (
            <PlanSummary plan={v.plan} sitting={sitting} />
          ) : canPlan ? (
            <PlanForm
              key={JSON.stringify(v.plan)}
              sectionId={section.id}
              sitting={sitting}
              section={section}
              plan={v.plan}
              onSaved={setView}
              onIssues={setRefused}
            />
          ) : null}
          <Divider titlePlacement="start">{t('experts.committee.draws.title')}</Divider>
          <DrawsTable draws={v.draws} />
          <Divider titlePlacement="start">{t('experts.committee.seats.title')}</Divider>
          <SeatsTable seats={v.seats} />
        </>
      )}
      {drawing && (
        <ReasonModal
          title={t(v?.draws.length ? 'experts.committee.redraw' : 'experts.committee.draw')}
          label={t('experts.committee.drawReason')}
          placeholder={t('experts.committee.drawReasonPlaceholder')}
          onSubmit={async (reason) => {
            setView(await committeeApi.draw(section.id, reason, sitting));
            return t('experts.committee.drawn');
          }}
          onClose={() => setDrawing(false)}
          onDone={() => setDrawing(false)}
          testId="committee-draw-modal"
        />
      )}
    </Card>
  );
}
