import { SendOutlined } from '@ant-design/icons';
import type { AwardDecisionView } from '@bidhall/contracts';
import { App, Button, Descriptions, Empty, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { ReportDue } from './ReportDue.tsx';

/**
 * 招标投标情况书面报告 (Law 47): due to the supervisor 15 days after the decision; written and submitted
 * once by the tenderer (or its agency), then shown as submitted.
 */
export function ReportForm({
  sectionId,
  decision,
  canManage,
  onChanged,
}: {
  sectionId: string;
  decision: AwardDecisionView;
  canManage: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await awardApi.report(sectionId, text.trim());
      message.success(t('award.writtenReport.done'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const due = {
    key: 'due',
    label: t('award.writtenReport.due'),
    children: (
      <div>
        <ReportDue due={decision.reportDue} overdue={decision.reportOverdue} reportedAt={decision.reportedAt} />
        <div className="muted small">{t('award.writtenReport.rule')}</div>
      </div>
    ),
  };

  if (decision.report !== null) {
    return (
      <Descriptions
        size="small"
        column={1}
        data-testid="award-report"
        items={[
          due,
          {
            key: 'report',
            label: t('award.writtenReport.content'),
            children: (
              <div>
                <div className="pre-wrap" data-testid="award-report-content">
                  {decision.report}
                </div>
                <div className="muted small">
                  {t('award.writtenReport.reportedAt', { time: formatTime(decision.reportedAt) })}
                </div>
              </div>
            ),
          },
        ]}
      />
    );
  }
  return (
    <div data-testid="award-report-form">
      <Descriptions size="small" column={1} items={[due]} />
      {!canManage ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('award.writtenReport.notYet')} />
      ) : (
        <>
          <Input.TextArea
            rows={5}
            maxLength={20_000}
            showCount
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('award.writtenReport.hint')}
            disabled={busy}
            aria-label={t('award.writtenReport.content')}
            data-testid="award-report-text"
          />
          <Popconfirm
            title={t('award.writtenReport.confirm')}
            onConfirm={() => submit()}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy}
              disabled={!text.trim()}
              style={{ marginTop: 8 }}
              data-testid="award-report-submit"
            >
              {t('award.writtenReport.submit')}
            </Button>
          </Popconfirm>
          <ProblemAlert error={error} testId="award-report-error" />
        </>
      )}
    </div>
  );
}
