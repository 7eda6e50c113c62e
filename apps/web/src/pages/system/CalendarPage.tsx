import { Col, Row, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALENDAR_EDITORS, calendarApi } from '../../api/calendar.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatBeijing } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import { CalendarGapAlert, missingYears } from './CalendarGapAlert.tsx';
import { CalendarYearForm } from './CalendarYearForm.tsx';
import { CalendarYearsTable } from './CalendarYearsTable.tsx';
import { WorkingDayCalculator } from './WorkingDayCalculator.tsx';

/**
 * 工作日历 (B-004): every working-day period of the platform counts on this calendar, and a year with
 * no holiday data stops those that reach into it. The page says which years are missing — this one,
 * or the next once a period may end in it — lets staff enter a year from the State Council notice, and
 * checks a date.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const clock = useServerClock();
  const today = formatBeijing(clock.now()).slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const years = useLoader(() => calendarApi.years(), []);
  const covered = new Set((years.data ?? []).map((y) => y.year));
  const missing = missingYears(years.data ?? [], thisYear);
  const canEdit = user ? CALENDAR_EDITORS.includes(user.kind) : false;

  return (
    <div data-testid="calendar-page">
      <PageHeading
        title={t('system.calendar.title')}
        subtitle={t('system.calendar.subtitle')}
        trail={[{ title: t('system.calendar.title') }]}
      />
      <div className="container page-body">
        {years.error ? (
          <LoadError error={years.error} onRetry={() => void years.reload()} />
        ) : !years.data ? (
          <Spin />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <CalendarGapAlert missing={missing} thisYear={thisYear} canEdit={canEdit} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <CalendarYearsTable years={years.data} />
              </Col>
              <Col xs={24} lg={12}>
                <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                  {canEdit && (
                    <CalendarYearForm
                      defaultYear={missing[0] ?? thisYear + 1}
                      covered={covered}
                      onStored={() => void years.reload()}
                    />
                  )}
                  <WorkingDayCalculator today={today} />
                </Space>
              </Col>
            </Row>
          </Space>
        )}
      </div>
    </div>
  );
}
