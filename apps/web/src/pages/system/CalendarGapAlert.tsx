import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CalendarYear } from '../../api/calendar.ts';

/** This year and the next, when the calendar has no holiday data for them (a period may end in either). */
export function missingYears(years: readonly CalendarYear[], thisYear: number): number[] {
  const covered = new Set(years.map((y) => y.year));
  return [thisYear, thisYear + 1].filter((y) => !covered.has(y));
}

/** Says which years' holidays are missing; on the workspace it opens the calendar page. */
export function CalendarGapAlert({
  missing,
  thisYear,
  canEdit,
  link = false,
  style,
}: {
  missing: number[];
  thisYear: number;
  canEdit: boolean;
  link?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (missing.length === 0) return null;
  return (
    <Alert
      type={missing.includes(thisYear) ? 'error' : 'warning'}
      showIcon
      style={style}
      data-testid="calendar-missing"
      title={t('system.calendar.missing', { years: missing.join('、') })}
      description={t(canEdit ? 'system.calendar.missingHintEditor' : 'system.calendar.missingHint')}
      action={
        link ? (
          <Button size="small" onClick={() => navigate('/system/calendar')} data-testid="calendar-missing-open">
            {t('system.calendar.title')}
          </Button>
        ) : undefined
      }
    />
  );
}
