import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sitting } from '@bidhall/contracts';

const COLOURS: Record<Sitting, string> = { application: 'geekblue', bid: 'blue' };

/** 申请文件 or 投标文件: which sitting a submission was made for (decision 0023). */
export function SittingTag({ sitting }: { sitting: Sitting }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[sitting]} data-testid="bid-sitting" data-sitting={sitting}>
      {t(`bidding.sitting.${sitting}`)}
    </Tag>
  );
}
