import { EditOutlined, FileAddOutlined, FileTextOutlined, SaveOutlined } from '@ant-design/icons';
import type { PrequalificationStandingView, SectionDetail } from '@bidhall/contracts';
import { Alert, App, Button, Descriptions, Divider, Empty, Form, Input, Space, Steps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { prequalificationApi } from '../../../api/prequalification.ts';
import { problemMessage } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { VerifyActions } from '../../../components/VerifyActions.tsx';
import { formatTime } from '../../../format.ts';
import { ListConfirm } from './ListConfirm.tsx';
import { ResultLettersTable } from './ResultLettersTable.tsx';

// Signing brings the crypto code: it loads when the modal opens.
const ResultsSignModal = lazy(() => import('./ResultsSignModal.tsx'));

const STEPS = ['draft', 'pendingVerification', 'issued'] as const;
export const RESULTS_STATE_COLOURS: Record<(typeof STEPS)[number], string> = {
  draft: 'default',
  pendingVerification: 'processing',
  issued: 'success',
};

/**
 * 资格预审结果通知书 tab (A-167, A-176…A-179): from the completed review the manager drafts a letter per
 * applicant, confirms the list where it confirms it, edits the reasons, signs and submits; staff verify;
 * approved, the letters are issued and the passed list published.
 */
export function ResultsPanel({
  section,
  standing: s,
  isStaff,
  onChanged,
}: {
  section: SectionDetail;
  standing: PrequalificationStandingView;
  isStaff: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const r = s.results;
  const [remarks, setRemarks] = useState(r?.remarks ?? '');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>();
  const step = r ? STEPS.indexOf(r.state) : -1;
  const editing = section.canManage && r?.state === 'draft';

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      message.success(done);
      setReasons({});
      await onChanged();
    } catch (err) {
      setError(err);
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (!s.review && !r) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prequalification.review.none')} />;

  const changed = r ? r.letters.filter((l) => reasons[l.bidId] !== undefined && reasons[l.bidId]!.trim() !== l.reason) : [];
  const dirty = r ? remarks.trim() !== r.remarks || changed.length > 0 : false;
  const invalid = r ? r.letters.some((l) => !(reasons[l.bidId] ?? l.reason).trim()) : false;
  const needsList = r?.authority === 'tenderer' && !r.listConfirmedAt;

  return (
    <div data-testid="pq-results">
      <Steps
        size="small"
        className="card-lead"
        current={Math.max(step, 0)}
        status={step < 0 ? 'wait' : r?.state === 'issued' ? 'finish' : 'process'}
        items={STEPS.map((k) => ({ title: t(`prequalification.states.${k}`) }))}
      />
      <Typography.Paragraph type="secondary">{t('prequalification.lead')}</Typography.Paragraph>
      {r?.rejection && r.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('prequalification.rejection')}
          description={t('prequalification.rejectionReason', { reason: r.rejection })}
          data-testid="pq-rejection"
        />
      )}
      {r?.state === 'pendingVerification' && (
        <Alert type="info" showIcon className="form-alert" title={t('prequalification.pendingLead')} />
      )}
      {r?.tooFew && (
        <Alert type="warning" showIcon className="form-alert" title={t('prequalification.tooFew')} data-testid="pq-too-few" />
      )}
      {!r ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prequalification.notDrafted')}>
          {section.canManage && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={busy}
              onClick={() =>
                void run(
                  () => prequalificationApi.saveResults(section.id, { remarks: '', letters: [] }),
                  t('prequalification.drafted'),
                )
              }
              data-testid="pq-create"
            >
              {t('prequalification.draft')}
            </Button>
          )}
          <ProblemAlert error={error} testId="pq-create-error" />
        </Empty>
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'state',
                label: t('prequalification.title'),
                children: (
                  <Space wrap>
                    <Tag color={RESULTS_STATE_COLOURS[r.state]} data-testid="pq-state" data-state={r.state}>
                      {t(`prequalification.states.${r.state}`)}
                    </Tag>
                    <Tag>{t('prequalification.passed', { count: r.passed })}</Tag>
                  </Space>
                ),
              },
              ...(r.signedAt
                ? [
                    {
                      key: 'signed',
                      label: t('prequalification.sign'),
                      children: t('prequalification.signedAt', { time: formatTime(r.signedAt) }),
                    },
                  ]
                : []),
              {
                key: 'sm3',
                label: t('prequalification.sm3'),
                span: 2,
                children: (
                  <Typography.Text className="mono break small" copyable data-testid="pq-sm3">
                    {r.contentSm3}
                  </Typography.Text>
                ),
              },
              ...(r.state === 'issued'
                ? [
                    {
                      key: 'issued',
                      label: t('prequalification.states.issued'),
                      span: 2,
                      children: (
                        <span>
                          {t('prequalification.issuedOn', { time: formatTime(r.verifiedAt) })}
                          {r.publicationId && (
                            <Link to={`/notices/${r.publicationId}`} style={{ marginLeft: 12 }} data-testid="pq-publication-link">
                              <FileTextOutlined /> {t('prequalification.published')}
                            </Link>
                          )}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(r.remarks && !editing
                ? [
                    {
                      key: 'remarks',
                      label: t('prequalification.remarks'),
                      span: 2,
                      children: <div className="pre-wrap">{r.remarks}</div>,
                    },
                  ]
                : []),
            ]}
          />
          {editing && r.authority === 'tenderer' && (
            <>
              <Divider titlePlacement="start">{t('prequalification.list.title')}</Divider>
              <ListConfirm key={`${r.listConfirmedAt}/${r.contentSm3}`} results={r} onChanged={onChanged} />
            </>
          )}
          {editing && r.authority === 'committee' && (
            <Typography.Paragraph type="secondary">{t('prequalification.list.final')}</Typography.Paragraph>
          )}
          <Divider titlePlacement="start">{t('prequalification.tabs.results')}</Divider>
          {editing ? (
            <Form layout="vertical">
              <Form.Item label={t('prequalification.remarks')}>
                <Input.TextArea
                  rows={2}
                  maxLength={2000}
                  showCount
                  value={remarks}
                  onChange={(e) => setRemarks(e.target.value)}
                  placeholder={t('prequalification.remarksHint')}
                  disabled={busy}
                  data-testid="pq-remarks"
                />
              </Form.Item>
              <ResultLettersTable
                letters={r.letters}
                reasons={reasons}
                onReason={(bidId, reason) => setReasons((x) => ({ ...x, [bidId]: reason }))}
              />
              <Space wrap style={{ marginTop: 8 }}>
                <Button
                  icon={<SaveOutlined />}
                  loading={busy}
                  disabled={!dirty || invalid}
                  onClick={() =>
                    void run(
                      () =>
                        prequalificationApi.saveResults(section.id, {
                          remarks: remarks.trim(),
                          letters: changed.map((l) => ({ bidId: l.bidId, reason: reasons[l.bidId]!.trim() })),
                        }),
                      t('prequalification.saved'),
                    )
                  }
                  data-testid="pq-save"
                >
                  {t('prequalification.save')}
                </Button>
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  disabled={busy || dirty || needsList}
                  onClick={() => setSigning(true)}
                  data-testid="pq-sign"
                >
                  {t('prequalification.sign')}
                </Button>
              </Space>
              <ProblemAlert error={error} testId="pq-save-error" />
            </Form>
          ) : (
            <ResultLettersTable letters={r.letters} />
          )}
          {isStaff && r.state === 'pendingVerification' && (
            <>
              <Divider />
              <VerifyActions
                labels={t('prequalification.verify', { returnObjects: true })}
                approve={() => prequalificationApi.verify(section.id, { decision: 'approve' })}
                reject={(reason) => prequalificationApi.verify(section.id, { decision: 'reject', reason })}
                onChanged={onChanged}
                testId="pq"
              />
            </>
          )}
        </>
      )}
      {signing && r && (
        <Suspense fallback={null}>
          <ResultsSignModal results={r} onClose={() => setSigning(false)} onSigned={onChanged} />
        </Suspense>
      )}
    </div>
  );
}
