import { awardNoticesSigningPayload, type AwardNoticeView } from '@bidhall/contracts';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import SignSm3Modal from '../../../components/SignSm3Modal.tsx';

/**
 * The tenderer signs the award notices: its entity's bound certificate and key file sign
 * {action: 'signAwardNotices', sectionId, round, contentSm3} in this browser; only the signature goes
 * to the platform, which submits the notices for verification.
 */
export default function NoticeSignModal({ notice, onClose, onSigned }: { notice: AwardNoticeView; onClose: () => void; onSigned: () => Promise<void> | void }) {
  const { t } = useTranslation();
  return (
    <SignSm3Modal
      title={t('award.notices.signModal.title')}
      lead={t('award.notices.signModal.lead')}
      contentSm3={notice.contentSm3}
      submitLabel={t('award.notices.sign')}
      doneMessage={t('award.notices.signModal.done')}
      testId="notices-sign"
      onClose={onClose}
      submit={async (signer) => {
        const signature = signer.sign(awardNoticesSigningPayload(notice.sectionId, notice.round, notice.contentSm3));
        await awardApi.submitNotices(notice.sectionId, { certificatePem: signer.certificatePem, signature });
        onClose();
        await onSigned();
      }}
    />
  );
}
