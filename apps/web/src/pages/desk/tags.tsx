import type { DocumentStatus, InvitationStatus, NoticeStatus, SectionStage } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STAGE: Record<SectionStage, string> = {
  draft: 'default',
  submitted: 'processing',
  registered: 'blue',
  tendering: 'green',
  opened: 'purple',
  terminated: 'red',
};
const NOTICE: Record<NoticeStatus, string> = {
  draft: 'default',
  pendingReview: 'gold',
  pendingVerification: 'processing',
  published: 'success',
  withdrawn: 'default',
};
const INVITATION: Record<InvitationStatus, string> = {
  draft: 'default',
  pendingReview: 'gold',
  pendingVerification: 'processing',
  sent: 'success',
  withdrawn: 'default',
};
const DOCUMENT: Record<DocumentStatus, string> = { draft: 'default', packaged: 'processing', signed: 'blue', issued: 'success' };

export function StageTag({ stage }: { stage: SectionStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE[stage]} data-status={stage}>
      {t(`desk.stage.${stage}`)}
    </Tag>
  );
}

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NOTICE[status]} data-testid="notice-status" data-status={status}>
      {t(`desk.noticeStatus.${status}`)}
    </Tag>
  );
}

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={INVITATION[status]} data-testid="invitation-status" data-status={status}>
      {t(`desk.noticeStatus.${status}`)}
    </Tag>
  );
}

export function DocumentStatusTag({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={DOCUMENT[status]} data-testid="document-status" data-status={status}>
      {t(`desk.documentStatus.${status}`)}
    </Tag>
  );
}
