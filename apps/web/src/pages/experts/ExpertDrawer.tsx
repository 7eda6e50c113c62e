import type { ExpertDetailView, ExpertView } from '@bidhall/contracts';
import { Alert, Drawer, Skeleton, Space, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ExpertActions } from './ExpertActions.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { RatingsTab } from './RatingsTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { ExpertStateTag } from './tags.tsx';

interface Props {
  id: string | null;
  canAct: boolean;
  onClose: () => void;
  onChanged: (expert: ExpertView) => void;
}

/** One expert: profile, history, behaviour records, ratings; staff's actions in the footer. */
export function ExpertDrawer({ id, canAct, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const loaded = useLoader(() => (id ? expertsApi.get(id) : Promise.resolve(undefined)), [id]);
  const [expert, setExpert] = useState<ExpertDetailView>();
  const [tab, setTab] = useState('profile');
  useEffect(() => setExpert(loaded.data), [loaded.data]);
  useEffect(() => setTab('profile'), [id]);

  const changed = (e: ExpertDetailView) => {
    setExpert(e);
    onChanged(e);
  };
  const e = expert && expert.id === id ? expert : undefined;

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={900}
      destroyOnHidden
      data-testid="expert-drawer"
      title={
        e ? (
          <Space wrap>
            {e.name}
            <ExpertStateTag state={e.state} />
            {e.shared && <Tag color="cyan">{t('experts.pool.shared')}</Tag>}
          </Space>
        ) : (
          t('experts.detail.title')
        )
      }
      footer={e && canAct ? <ExpertActions expert={e} onChanged={changed} /> : e ? <Tag color="orange">{t('experts.pool.readOnly')}</Tag> : null}
    >
      {loaded.error ? (
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      ) : !e ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          {e.duplicateOf && <Alert type="warning" showIcon title={t('experts.detail.duplicateHint')} className="form-alert" data-testid="expert-duplicate" />}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'profile', label: t('experts.detail.tabs.profile'), children: <ProfileTab expert={e} /> },
              { key: 'history', label: `${t('experts.detail.tabs.history')} (${e.events.length})`, children: <HistoryTimeline events={e.events} /> },
              { key: 'records', label: `${t('experts.detail.tabs.records')} (${e.records.length})`, children: <RecordsTab records={e.records} /> },
              { key: 'ratings', label: `${t('experts.detail.tabs.ratings')} (${e.ratingsList.length})`, children: <RatingsTab ratings={e.ratingsList} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
