import type { CommitteeView } from '@bidhall/contracts';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useLocale } from '../../../i18n/LocaleProvider.tsx';
import { specialtyName } from '../../experts/specialties.ts';

type Draw = CommitteeView['draws'][number];
const STATE_COLOURS: Record<Draw['state'], string> = { committed: 'processing', performed: 'blue', revealed: 'success' };

/** One trust-core draw per specialty; each opens in public verification (re-computable once revealed). */
export function DrawsTable({ draws }: { draws: Draw[] }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  return (
    <Table<Draw>
      rowKey="drawId"
      size="small"
      dataSource={draws}
      pagination={false}
      locale={{ emptyText: t('experts.committee.draws.empty') }}
      data-testid="committee-draws"
      columns={[
        { title: t('experts.committee.draws.performedAt'), dataIndex: 'performedAt', width: 160, render: (v: string | null) => formatTime(v, true) },
        { title: t('experts.committee.draws.specialty'), dataIndex: 'specialty', render: (v: string) => specialtyName(v, lang) },
        { title: t('experts.committee.draws.count'), dataIndex: 'count', width: 90 },
        { title: t('experts.committee.draws.eligible'), dataIndex: 'eligible', width: 110 },
        {
          title: '',
          dataIndex: 'replacement',
          width: 100,
          render: (v: boolean) => <Tag color={v ? 'orange' : 'default'}>{t(v ? 'experts.committee.draws.replacement' : 'experts.committee.draws.first')}</Tag>,
        },
        { title: t('experts.committee.draws.state'), dataIndex: 'state', width: 100, render: (v: Draw['state']) => <Tag color={STATE_COLOURS[v]}>{t(`experts.committee.draws.states.${v}`)}</Tag> },
        {
          title: t('experts.committee.draws.verify'),
          dataIndex: 'drawId',
          width: 130,
          render: (v: string) => (
            <a href={`/verify?tab=draw&draw=${v}`} target="_blank" rel="noreferrer" className="mono small" data-testid="committee-draw-verify">
              {v.slice(0, 8)}…
            </a>
          ),
        },
      ]}
    />
  );
}
