import { prequalificationResultsSigningPayload, type PrequalificationResultsView } from '@bidhall/contracts';
import { useTranslation } from 'react-i18next';
import { prequalificationApi } from '../../../api/prequalification.ts';
import SignSm3Modal from '../../../components/SignSm3Modal.tsx';

/**
 * The tenderer signs the prequalification results: its entity's bound certificate and key file
 * sign {action: 'signPrequalificationResults', sectionId, round, contentSm3} in this browser; only the
 * signature goes to the platform, which submits the results for verification.
 */
export default function ResultsSignModal({
  results,
  onClose,
  onSigned,
}: {
  results: PrequalificationResultsView;
  onClose: () => void;
  onSigned: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  return (
    <SignSm3Modal
      title={t('prequalification.signModal.title')}
      lead={t('prequalification.signModal.lead')}
      contentSm3={results.contentSm3}
      submitLabel={t('prequalification.sign')}
      doneMessage={t('prequalification.signModal.done')}
      testId="pq-sign"
      onClose={onClose}
      submit={async (signer) => {
        const signature = signer.sign(prequalificationResultsSigningPayload(results.sectionId, results.round, results.contentSm3));
        await prequalificationApi.submit(results.sectionId, { certificatePem: signer.certificatePem, signature });
        onClose();
        await onSigned();
      }}
    />
  );
}
