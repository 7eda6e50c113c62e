import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { VerifyActions } from '../../../components/VerifyActions.tsx';

/** Staff verify the signed notices: approved, they are published and issued; sent back with a reason. */
export function NoticeVerify({ sectionId, onChanged }: { sectionId: string; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  return (
    <VerifyActions
      labels={t('award.notices.verify', { returnObjects: true })}
      approve={() => awardApi.verifyNotices(sectionId, { decision: 'approve' })}
      reject={(reason) => awardApi.verifyNotices(sectionId, { decision: 'reject', reason })}
      onChanged={onChanged}
      testId="notices"
    />
  );
}
