import type { SectionStage, SubmissionStatus } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencyContract } from '../../api/projects.ts';

const STAGE_COLOURS: Record<SectionStage, string> = {
  draft: 'default',
  submitted: 'processing',
  registered: 'cyan',
  tendering: 'green',
  opened: 'purple',
  terminated: 'red',
};

/** A section's stage (decision 0008). */
export function StageTag({ stage }: { stage: SectionStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLOURS[stage]} data-stage={stage}>
      {t(`projects.stage.${stage}`)}
    </Tag>
  );
}

const STATUS_COLOURS: Record<SubmissionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** An entry form's or a tendering plan's review status. */
export function SubmissionTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`projects.status.${status}`)}
    </Tag>
  );
}

const CONTRACT_COLOURS: Record<AgencyContract['status'], string> = {
  draft: 'default',
  negotiating: 'processing',
  agreed: 'cyan',
  signed: 'success',
};

export function ContractStatusTag({ status }: { status: AgencyContract['status'] }) {
  const { t } = useTranslation();
  return <Tag color={CONTRACT_COLOURS[status]}>{t(`projects.contractStatus.${status}`)}</Tag>;
}
