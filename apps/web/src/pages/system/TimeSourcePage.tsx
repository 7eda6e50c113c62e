import { SyncOutlined } from '@ant-design/icons';
import type { TimeSourceState } from '@bidhall/contracts';
import { Alert, App, Button, Card, Descriptions, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { systemApi, TIME_MEASURERS, type TimeSourceView } from '../../api/system.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';

const STATE_COLORS: Record<TimeSourceState, string> = {
  synchronised: 'success',
  skewed: 'error',
  stale: 'warning',
  unmeasured: 'default',
};

/** 时间源: the platform clock against the time servers (F-07, decision 0015), for staff. */
export default function TimeSourcePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [view, setView] = useState<TimeSourceView>();
  const [error, setError] = useState<unknown>();
  const [measuring, setMeasuring] = useState(false);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setView(await systemApi.timeSource());
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const measure = async () => {
    setMeasuring(true);
    try {
      const after = await systemApi.measure();
      setView(after);
      message[after.state === 'synchronised' ? 'success' : 'warning'](
        t('system.time.measured', { state: t(`system.time.states.${after.state}`) }),
      );
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setMeasuring(false);
    }
  };

  const ms = (value: number) => t('system.time.ms', { value: value.toLocaleString() });
  const canMeasure = user ? TIME_MEASURERS.includes(user.kind) : false;

  return (
    <div data-testid="time-source">
      <PageHeading
        title={t('system.time.title')}
        subtitle={t('system.time.subtitle')}
        trail={[{ title: t('system.time.title') }]}
        extra={
          canMeasure && (
            <Button icon={<SyncOutlined />} loading={measuring} onClick={() => void measure()} data-testid="time-measure">
              {t('system.time.measure')}
            </Button>
          )
        }
      />
      <div className="container page-body">
        {error ? (
          <LoadError error={error} onRetry={() => void load()} />
        ) : !view ? (
          <Spin />
        ) : (
          <Card>
            {view.lastFailure && (
              <Alert
                type="warning"
                showIcon
                className="time-source-failure"
                message={t('system.time.lastFailure', { at: formatTime(view.lastFailure.at, true) })}
                description={
                  <ul className="mono small">
                    {view.lastFailure.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="time-source-details">
              <Descriptions.Item label={t('system.time.state')}>
                <Tag color={STATE_COLORS[view.state]} data-testid="time-state" data-state={view.state}>
                  {t(`system.time.states.${view.state}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('system.time.actions')}>
                <Tag color={view.trusted ? 'success' : 'error'}>
                  {t(view.trusted ? 'system.time.allowed' : 'system.time.refused')}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('system.time.offset')}>
                <span className="mono" data-testid="time-offset" title={t('system.time.offsetHint')}>
                  {view.last ? ms(view.last.offsetMs) : '—'}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('system.time.delay')}>{view.last ? ms(view.last.delayMs) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('system.time.server')}>
                <span className="mono">{view.last?.server ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('system.time.stratum')}>{view.last?.stratum ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('system.time.measuredAt')}>{formatTime(view.last?.at, true)}</Descriptions.Item>
              <Descriptions.Item label={t('system.time.mode')}>{t(`system.time.modes.${view.mode}`)}</Descriptions.Item>
              <Descriptions.Item label={t('system.time.servers')}>
                <span className="mono">{view.servers.join(', ') || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('system.time.limits')}>
                {t('system.time.limitsValue', { ms: view.maxOffsetMs, s: view.maxAgeSeconds })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </div>
    </div>
  );
}
