import { EditOutlined } from '@ant-design/icons';
import type { ContractView } from '@bidhall/contracts';
import { Alert, Button, Descriptions, Divider, Empty, Skeleton, Steps, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../../api/contract.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { VerifyActions } from '../../../components/VerifyActions.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from '../money.ts';
import { ChangesPanel } from './ChangesPanel.tsx';
import { ContractArchiveBlock } from './ContractArchiveBlock.tsx';
import { ContractContentView } from './ContractContentView.tsx';
import { ContractForm } from './ContractForm.tsx';
import { CONTRACT_STEPS, contractStep, signedBy } from './contractStates.ts';
import { DueStatus } from './DueStatus.tsx';
import { PerformanceBondCard } from './PerformanceBondCard.tsx';
import { PerformancePanel } from './PerformancePanel.tsx';

// The signing modal brings the crypto code: loaded when first opened.
const ContractSignModal = lazy(() => import('./ContractSignModal.tsx'));

/**
 * A section's contract (decision 0036), for whoever may see it: the tenderer (or its agency) drafts,
 * edits and submits it, staff verify it, the tenderer and the winner e-sign it
 * concluded, it is published, and both sides record the performance;
 * the tenderer proposes changes and staff verify them.
 */
export function ContractPanel({
  sectionId,
  canManage,
  defaultTitle,
  onChanged,
}: {
  sectionId: string;
  canManage: boolean;
  defaultTitle: string;
  /** After anything changed (the card's state tag, the workspace's list). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const standing = useLoader(() => contractApi.standing(sectionId), [sectionId]);
  const performance = useLoader(() => contractApi.performance(sectionId), [sectionId]);
  const changes = useLoader(() => contractApi.changes(sectionId), [sectionId]);
  const [signing, setSigning] = useState(false);
  const s = standing.data;
  const c: ContractView | null = s?.contract ?? null;
  const isStaff = user?.kind === 'staff';
  const entityId = user?.entity?.id;
  const mySide =
    c && entityId
      ? entityId === c.content.tenderer.entityId
        ? 'tenderer'
        : entityId === c.content.winner.entityId
          ? 'winner'
          : null
      : null;
  const reload = async () => {
    await Promise.all([standing.reload(), performance.reload(), changes.reload()]);
    onChanged?.();
  };

  if (standing.error && !s) return <ProblemAlert error={standing.error} />;
  if (!s) return <Skeleton active />;
  if (!s.awarded && !c)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.notAwarded')} data-testid="contract-not-awarded" />
    );

  const step = contractStep(c);
  const contractTab = (
    <>
      <Steps
        size="small"
        className="card-lead"
        current={Math.max(step, 0)}
        status={step < 0 ? 'wait' : c?.state === 'concluded' ? 'finish' : 'process'}
        items={CONTRACT_STEPS.map((k) => ({ title: t(`contract.steps.${k}`) }))}
        data-testid="contract-steps"
      />
      {!c && s.dueDate && (
        <Descriptions
          size="small"
          className="card-lead"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'winner', label: t('contract.fields.winner'), children: s.winnerName },
            { key: 'price', label: t('contract.fields.price'), children: <span className="mono">{formatFen(s.priceFen)}</span> },
            { key: 'notice', label: t('contract.awardNoticeAt'), children: formatTime(s.awardNoticeAt) },
            { key: 'due', label: t('contract.due.label'), children: <DueStatus dueDate={s.dueDate} /> },
          ]}
        />
      )}
      <div className="muted small card-lead" style={{ marginTop: 8 }}>
        {t('contract.due.rule')}
      </div>
      {c?.rejection && c.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('contract.rejection')}
          description={t('contract.rejectionReason', { reason: c.rejection })}
          data-testid="contract-rejection"
        />
      )}
      {c?.state === 'pendingVerification' && (
        <Alert type="info" showIcon className="form-alert" title={t('contract.pendingLead')} />
      )}
      {c?.state === 'verified' && <Alert type="info" showIcon className="form-alert" title={t('contract.verifiedLead')} />}
      {c?.state === 'concluded' && <Alert type="success" showIcon className="form-alert" title={t('contract.concludedLead')} />}
      {c ? (
        <ContractContentView contract={c} />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={canManage ? t('contract.notDrafted') : t('contract.notDraftedReadOnly')}
        />
      )}
      {c?.state === 'concluded' && <ContractArchiveBlock sectionId={sectionId} />}
      {c && mySide && c.state === 'verified' && (
        <>
          <Divider />
          {signedBy(c, mySide) ? (
            <Alert type="success" showIcon title={t('contract.sign.signedByMe')} data-testid="contract-signed-by-me" />
          ) : (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="contract-sign">
              {t('contract.sign.button')}
            </Button>
          )}
        </>
      )}
      {canManage && (!c || c.state === 'draft' || c.state === 'verified') && (
        <>
          <Divider titlePlacement="start">{t('contract.form.heading')}</Divider>
          <ContractForm
            key={c ? `${c.id}/${c.version}/${c.state}` : 'new'}
            sectionId={sectionId}
            defaultTitle={defaultTitle}
            contract={c}
            onChanged={reload}
          />
        </>
      )}
      {isStaff && c?.state === 'pendingVerification' && (
        <>
          <Divider />
          <VerifyActions
            labels={t('contract.verify', { returnObjects: true })}
            approve={() => contractApi.verify(sectionId, { decision: 'approve' })}
            reject={(reason) => contractApi.verify(sectionId, { decision: 'reject', reason })}
            onChanged={reload}
            testId="contract"
          />
        </>
      )}
    </>
  );

  const concluded = c?.state === 'concluded';
  const records = performance.data ?? [];
  const list = changes.data ?? [];
  return (
    <>
      <Tabs
        items={[
          { key: 'contract', label: t('contract.tabs.contract'), children: contractTab },
          {
            key: 'performance',
            label: (
              <span data-testid="contract-performance-tab">{t('contract.tabs.performance', { count: records.length })}</span>
            ),
            disabled: !concluded,
            children: (
              <PerformancePanel
                sectionId={sectionId}
                records={records}
                canRecord={concluded && (canManage || mySide === 'winner')}
                canComplete={concluded && canManage}
                onRecorded={reload}
              />
            ),
          },
          {
            key: 'changes',
            label: <span data-testid="contract-changes-tab">{t('contract.tabs.changes', { count: list.length })}</span>,
            disabled: !concluded,
            children: (
              <ChangesPanel
                sectionId={sectionId}
                changes={list}
                canPropose={concluded && canManage}
                canVerify={isStaff}
                onChanged={reload}
              />
            ),
          },
          {
            key: 'performanceBond',
            label: <span data-testid="contract-performance-bond-tab">{t('performanceBond.tab')}</span>,
            children: <PerformanceBondCard sectionId={sectionId} canManage={canManage} />,
          },
        ]}
      />
      {signing && c && (
        <Suspense fallback={null}>
          <ContractSignModal contract={c} onClose={() => setSigning(false)} onSigned={() => void reload()} />
        </Suspense>
      )}
    </>
  );
}
