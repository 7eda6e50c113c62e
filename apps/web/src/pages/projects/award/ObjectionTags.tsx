import type { ResultObjectionView } from '@bidhall/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { OBJECTION_TAG_COLOURS, objectionTags } from './awardStates.ts';

/** 待答复 / 已答复 / 逾期未答复, and 公示期后提出 for a late one (which holds nothing). */
export function ObjectionTags({ objection }: { objection: ResultObjectionView }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="objection-state" data-state={objection.state}>
      {objectionTags(objection).map((k) => (
        <Tooltip key={k} title={k === 'late' ? t('award.objections.lateHint') : undefined}>
          <Tag color={OBJECTION_TAG_COLOURS[k]}>{t(`award.objections.states.${k}`)}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
