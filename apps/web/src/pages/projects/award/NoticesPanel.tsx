import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import type { AwardStandingView, SectionDetail } from '@bidhall/contracts';
import { Alert, App, Button, Descriptions, Divider, Empty, Steps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { NOTICE_STATE_COLOURS, noticeStep } from './awardStates.ts';
import { LettersTable } from './LettersTable.tsx';
import { NoticeDraft } from './NoticeDraft.tsx';
import { NoticeVerify } from './NoticeVerify.tsx';

// Signing brings the crypto code: it loads when the modal opens.
const NoticeSignModal = lazy(() => import('./NoticeSignModal.tsx'));

const STEPS = ['draft', 'pendingVerification', 'issued'] as const;

/**
 * 中标通知书 tab (A-169…A-175): after the decision the manager drafts the result notice and a letter per
 * bidder, signs and submits them; staff verify; approved, the result notice is published and the
 * letters issued, each acknowledged by its bidder.
 */
export function NoticesPanel({
  section,
  standing: s,
  isStaff,
  onChanged,
}: {
  section: SectionDetail;
  standing: AwardStandingView;
  isStaff: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [signing, setSigning] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [error, setError] = useState<unknown>();
  const n = s.notice;
  const step = noticeStep(n);

  if (!s.decision) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('award.notices.notDecided')} />;

  const draft = async () => {
    setDrafting(true);
    setError(undefined);
    try {
      await awardApi.saveNotices(section.id, { remarks: '', letters: [] });
      message.success(t('award.notices.drafted'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setDrafting(false);
    }
  };

  return (
    <div data-testid="award-notices">
      <Steps
        size="small"
        className="card-lead"
        current={Math.max(step, 0)}
        status={step < 0 ? 'wait' : n?.state === 'issued' ? 'finish' : 'process'}
        items={STEPS.map((k) => ({ title: t(`award.notices.states.${k}`) }))}
        data-testid="notices-steps"
      />
      <Typography.Paragraph type="secondary">{t('award.notices.lead')}</Typography.Paragraph>
      {n?.rejection && n.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('award.notices.rejection')}
          description={t('award.rejectionReason', { reason: n.rejection })}
          data-testid="notices-rejection"
        />
      )}
      {n?.state === 'pendingVerification' && (
        <Alert type="info" showIcon className="form-alert" title={t('award.notices.pendingLead')} />
      )}
      {!n ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={section.canManage ? t('award.notices.notDrafted') : t('award.notices.notDraftedReadOnly')}
        >
          {section.canManage && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              loading={drafting}
              onClick={() => void draft()}
              data-testid="notices-create"
            >
              {t('award.notices.draft')}
            </Button>
          )}
          <ProblemAlert error={error} testId="notices-create-error" />
        </Empty>
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'state',
                label: t('award.notices.title'),
                children: (
                  <Tag color={NOTICE_STATE_COLOURS[n.state]} data-testid="notices-state" data-state={n.state}>
                    {t(`award.notices.states.${n.state}`)}
                  </Tag>
                ),
              },
              ...(n.signedAt
                ? [
                    {
                      key: 'signed',
                      label: t('award.notices.signedLabel'),
                      children: t('award.notices.signedAt', { time: formatTime(n.signedAt) }),
                    },
                  ]
                : []),
              {
                key: 'sm3',
                label: t('award.notices.sm3'),
                span: 2,
                children: (
                  <Typography.Text className="mono break small" copyable data-testid="notices-sm3">
                    {n.contentSm3}
                  </Typography.Text>
                ),
              },
              ...(n.state === 'issued'
                ? [
                    {
                      key: 'issued',
                      label: t('award.notices.states.issued'),
                      span: 2,
                      children: (
                        <span>
                          {t('award.notices.issuedOn', { time: formatTime(n.verifiedAt) })}
                          {n.publicationId && (
                            <Link
                              to={`/notices/${n.publicationId}`}
                              data-testid="notices-publication-link"
                              style={{ marginLeft: 12 }}
                            >
                              <FileTextOutlined /> {t('award.notices.published')}
                            </Link>
                          )}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(n.remarks && !(section.canManage && n.state === 'draft')
                ? [
                    {
                      key: 'remarks',
                      label: t('award.notices.remarks'),
                      span: 2,
                      children: <div className="pre-wrap">{n.remarks}</div>,
                    },
                  ]
                : []),
            ]}
          />
          <Divider titlePlacement="start">{t('award.notices.letters')}</Divider>
          {section.canManage && n.state === 'draft' ? (
            <NoticeDraft
              key={n.contentSm3}
              sectionId={section.id}
              notice={n}
              onChanged={onChanged}
              onSign={() => setSigning(true)}
            />
          ) : (
            <LettersTable letters={n.letters} />
          )}
          {isStaff && n.state === 'pendingVerification' && (
            <>
              <Divider />
              <NoticeVerify sectionId={section.id} onChanged={onChanged} />
            </>
          )}
        </>
      )}
      {signing && n && (
        <Suspense fallback={null}>
          <NoticeSignModal notice={n} onClose={() => setSigning(false)} onSigned={onChanged} />
        </Suspense>
      )}
    </div>
  );
}
