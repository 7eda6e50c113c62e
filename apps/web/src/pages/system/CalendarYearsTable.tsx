import { Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarApi, type CalendarSource, type CalendarYear } from '../../api/calendar.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { dayRuns, type DayRun } from './calendarDays.ts';

const SOURCE_COLORS: Record<CalendarSource, string> = { package: 'blue', staff: 'green' };

/** 1月1日, or 2月6日至12日（7天）: a run of days as a notice words it. */
function RunTag({ run }: { run: DayRun }) {
  const { t } = useTranslation();
  const [, m1, d1] = run.first.split('-').map(Number);
  const [, m2, d2] = run.last.split('-').map(Number);
  const label =
    run.days === 1
      ? t('system.calendar.day', { m: m1, d: d1 })
      : m1 === m2
        ? t('system.calendar.runSameMonth', { m: m1, d1, d2, days: run.days })
        : t('system.calendar.run', { m1, d1, m2, d2, days: run.days });
  return <Tag>{label}</Tag>;
}

/** One year's days, loaded when its row is opened. */
function YearDays({ year }: { year: number }) {
  const { t } = useTranslation();
  const detail = useLoader(() => calendarApi.year(year), [year]);
  if (detail.error) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  if (!detail.data) return <Spin />;
  const d = detail.data;
  return (
    <Descriptions size="small" column={1} data-testid={`calendar-year-${year}`}>
      <Descriptions.Item label={t('system.calendar.holidays', { n: d.holidays.length })}>
        <Space wrap size={[4, 4]}>
          {dayRuns(d.holidays).map((r) => (
            <RunTag key={r.first} run={r} />
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('system.calendar.workdays', { n: d.workdays.length })}>
        {d.workdays.length === 0 ? (
          '—'
        ) : (
          <Space wrap size={[4, 4]}>
            {dayRuns(d.workdays).map((r) => (
              <RunTag key={r.first} run={r} />
            ))}
          </Space>
        )}
      </Descriptions.Item>
      {d.notice && (
        <Descriptions.Item label={t('system.calendar.notice')}>
          <Typography.Text>{d.notice}</Typography.Text>
          <Typography.Text type="secondary"> · {t('system.calendar.enteredAt', { at: formatTime(d.enteredAt) })}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The years with data, newest first; a row opens to the year's rest days and make-up working days. */
export function CalendarYearsTable({ years }: { years: CalendarYear[] }) {
  const { t } = useTranslation();
  const rows = [...years].sort((a, b) => b.year - a.year);
  return (
    <Table<CalendarYear>
      data-testid="calendar-years"
      rowKey="year"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (r) => <YearDays year={r.year} /> }}
      columns={[
        { title: t('system.calendar.year'), dataIndex: 'year', sorter: (a, b) => a.year - b.year },
        {
          title: t('system.calendar.source'),
          dataIndex: 'source',
          filters: (['package', 'staff'] as const).map((s) => ({ text: t(`system.calendar.sources.${s}`), value: s })),
          onFilter: (value, r) => r.source === value,
          render: (s: CalendarSource) => <Tag color={SOURCE_COLORS[s]}>{t(`system.calendar.sources.${s}`)}</Tag>,
        },
      ]}
    />
  );
}
