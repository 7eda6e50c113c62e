import { NotificationOutlined } from '@ant-design/icons';
import type { PublicationStatus } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationType } from '../../api/portal.ts';

const TYPE_COLOURS: Record<PublicationType, string> = {
  tenderNotice: 'blue',
  prequalificationNotice: 'geekblue',
  invitationResult: 'cyan',
  clarification: 'orange',
  siteVisit: 'green',
  termination: 'red',
  retender: 'volcano',
  openingRecord: 'purple',
  candidatePublicity: 'gold',
  prequalificationResult: 'cyan',
  awardResult: 'green',
  contractConclusion: 'geekblue',
  contractPerformance: 'lime',
  contractChange: 'magenta',
};

export function NoticeTypeTag({ type }: { type: PublicationType }) {
  const { t } = useTranslation();
  return (
    <Tag color={TYPE_COLOURS[type]} data-type={type}>
      {t(`portal.types.${type}`)}
    </Tag>
  );
}

/** Clarifications and modifications are announced prominently (B-014): they stand out in every list. */
export function ProminentTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" variant="solid" icon={<NotificationOutlined />} data-testid="notice-prominent">
      {t('portal.prominent')}
    </Tag>
  );
}

const STATUS_COLOURS: Record<PublicationStatus, string> = { published: 'success', withdrawn: 'default', terminated: 'error' };

/** Only a notice that is no longer current is marked: published is the normal state. */
export function PublicationStatusTag({ status }: { status: PublicationStatus }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`portal.status.${status}`)}
    </Tag>
  );
}
