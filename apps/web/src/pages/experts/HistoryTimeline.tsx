import { ArrowRightOutlined } from '@ant-design/icons';
import type { ExpertEventView } from '@bidhall/contracts';
import { Empty, Space, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { describeValue } from './changeValue.ts';
import { ExpertStateTag } from './tags.tsx';

const COLOURS: Partial<Record<ExpertEventView['action'], string>> = {
  admit: 'green',
  reinstate: 'green',
  reject: 'gray',
  suspend: 'orange',
  remove: 'red',
  edited: 'blue',
};

/** Every change to the expert, newest first: who, when, from → to, the reason, and an edit field by field (A-218). */
export function HistoryTimeline({ events }: { events: ExpertEventView[] }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { regionName } = useCatalog();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('experts.history.empty')} />;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  const ctx = { t, lang, regionName };
  return (
    <Timeline
      data-testid="expert-history"
      items={sorted.map((e) => ({
        key: e.id,
        color: COLOURS[e.action] ?? 'blue',
        content: (
          <div data-action={e.action} data-testid="expert-event">
            <Space wrap size={6}>
              <strong>{t(`experts.history.actions.${e.action}`)}</strong>
              {e.fromState && e.toState && e.fromState !== e.toState && (
                <span data-testid="expert-event-transition">
                  <ExpertStateTag state={e.fromState} /> <ArrowRightOutlined /> <ExpertStateTag state={e.toState} />
                </span>
              )}
            </Space>
            <div className="muted small">
              {e.byName ?? (e.byUserId === null ? t('experts.history.applicant') : e.byUserId)} · {formatTime(e.at, true)}
            </div>
            {e.reason && (
              <div className="expert-history-reason">
                <span className="muted">{t('experts.history.reason')}：</span>
                {localReason(e, t)}
              </div>
            )}
            {e.changes && Object.keys(e.changes).length > 0 && (
              <table className="change-diff expert-history-changes" data-testid="expert-event-changes">
                <thead>
                  <tr>
                    <th className="change-field">{t('experts.history.field')}</th>
                    <th>{t('experts.history.before')}</th>
                    <th className="change-arrow" aria-hidden="true" />
                    <th>{t('experts.history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(e.changes).map(([field, [before, after]]) => (
                    <tr key={field} data-field={field}>
                      <td className="change-field">{t(`experts.fields.${field}` as never, { defaultValue: field })}</td>
                      <td className="change-old pre-wrap">{describeValue(field, before, ctx)}</td>
                      <td className="change-arrow">
                        <ArrowRightOutlined />
                      </td>
                      <td className="change-new pre-wrap">{describeValue(field, after, ctx)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** A behaviour record's reason names its kind in code (`violation: …`): shown in the page's language. */
function localReason(e: ExpertEventView, t: TFunction): string {
  const m = e.action === 'recorded' && e.reason ? /^(reward|penalty|training|violation): ([\s\S]*)$/.exec(e.reason) : null;
  return m ? `${t(`experts.records.kinds.${m[1] as 'reward'}`)}：${m[2]}` : (e.reason ?? '');
}
