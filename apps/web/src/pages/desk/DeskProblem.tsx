import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';

interface Listed {
  what?: string;
  message?: string;
  path?: string;
  clause?: string | null;
  /** A method's regulation refusal (B-025): the rule and the provision it rests on ('财政部令第87号 第五十五条'). */
  rule?: string;
  source?: string;
  code?: string;
  earliest?: string | null;
  latest?: string | null;
}

/**
 * A refusal with what the server named: the unsafe markup of a notice (NOTICE_HTML_UNSAFE), the
 * clauses of an evaluation method, the timetable rules broken with their earliest lawful date.
 */
export function DeskProblem({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : {};
  const listed: (Listed | string)[] = (['problems', 'issues', 'violations', 'missing'] as const).flatMap((key) => {
    const value = details[key];
    return Array.isArray(value) ? (value as (Listed | string)[]) : [];
  });
  // zod refusals name the field: body/factors/2/weight → factors.2.weight
  if (error instanceof ApiError) {
    for (const f of error.fieldErrors) listed.push(`${f.path.replace(/^body\/?/, '').split('/').join('.')}: ${f.message}`);
  }
  return (
    <div data-testid={testId}>
      <ProblemAlert error={error} />
      {listed.length > 0 && (
        <Alert
          type="error"
          className="form-alert"
          data-testid={testId ? `${testId}-items` : undefined}
          title={
            <ul className="desk-problem-list">
              {listed.map((item, i) =>
                typeof item === 'string' ? (
                  <li key={i}>{item}</li>
                ) : (
                  <li key={i}>
                    {item.clause && <span className="mono">{t('desk.method.clause', { number: item.clause })} </span>}
                    {item.what ?? (item.message && !item.clause && item.path ? `${item.path}: ${item.message}` : (item.message ?? item.code ?? item.path))}
                    {item.rule && item.source && <span> · {t('desk.method.regulation.source', { source: item.source })}</span>}
                    {item.earliest && <span> · {t('desk.earliest', { time: formatTime(item.earliest) })}</span>}
                    {item.latest && <span> · {t('desk.latest', { time: formatTime(item.latest) })}</span>}
                  </li>
                ),
              )}
            </ul>
          }
        />
      )}
    </div>
  );
}
