import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { MethodIssue, RegulationIssue } from '@bidhall/contracts';
import { Alert, Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const isRegulation = (i: MethodIssue): i is RegulationIssue => 'rule' in i && 'source' in i;

/** The live checks beside the editor: the weights' sum and every rule the server will apply (A-62), the section's regulation with its source (B-025). */
export function MethodChecks({ weights, issues, blanks }: { weights: number | null; issues: MethodIssue[]; blanks: number }) {
  const { t } = useTranslation();
  const ok = issues.length === 0 && blanks === 0;
  return (
    <div className="desk-method-checks" data-testid="method-checks">
      {weights !== null && (
        <Space className="desk-weights" data-testid="weights-sum" data-sum={weights}>
          <span>{t('desk.method.weightsSum')}</span>
          <Progress
            type="circle"
            size={56}
            percent={Math.min(100, weights)}
            status={Math.abs(weights - 100) < 1e-6 ? 'success' : weights > 100 ? 'exception' : 'normal'}
            format={() => Number(weights.toFixed(4))}
          />
          <Tag color={Math.abs(weights - 100) < 1e-6 ? 'green' : 'red'}>{t('desk.method.weightsTarget')}</Tag>
        </Space>
      )}
      {ok ? (
        <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('desk.method.checksPass')} data-testid="method-ok" />
      ) : (
        <Alert
          type="warning"
          showIcon
          icon={<CloseCircleFilled />}
          data-testid="method-issues"
          title={t('desk.method.checksFail', { count: issues.length + (blanks ? 1 : 0) })}
          description={
            <ul className="desk-problem-list">
              {issues.map((i) => (
                <li key={`${i.path}-${i.message}`} data-rule={isRegulation(i) ? i.rule : undefined}>
                  {i.clause && <Tag color="red">{t('desk.method.clause', { number: i.clause })}</Tag>}
                  {isRegulation(i) ? (
                    <>
                      <Tag color="volcano">{t('desk.method.regulation.source', { source: i.source })}</Tag>
                      {t(`desk.method.regulation.rules.${i.rule}`)}
                      <div className="muted small">{i.message}</div>
                    </>
                  ) : (
                    i.message
                  )}
                </li>
              ))}
              {blanks > 0 && <li>{t('desk.method.blanks', { count: blanks })}</li>}
            </ul>
          }
        />
      )}
    </div>
  );
}
