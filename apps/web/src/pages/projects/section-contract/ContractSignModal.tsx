import { contractSigningPayload, type ContractView } from '@bidhall/contracts';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../../api/contract.ts';
import SignSm3Modal from '../../../components/SignSm3Modal.tsx';

/**
 * A side e-signs the contract: its entity's bound certificate and key file sign {action:
 * 'signContract', sectionId, contractId, contentSm3} in this browser; only the signature goes to the platform.
 */
export default function ContractSignModal({ contract, onClose, onSigned }: { contract: ContractView; onClose: () => void; onSigned: (v: ContractView) => void }) {
  const { t } = useTranslation();
  return (
    <SignSm3Modal
      title={t('contract.sign.title')}
      lead={t('contract.sign.lead')}
      contentSm3={contract.contentSm3}
      submitLabel={t('contract.sign.submit')}
      doneMessage={t('contract.sign.done')}
      testId="contract-sign"
      onClose={onClose}
      submit={async (signer) => {
        const signature = signer.sign(contractSigningPayload(contract.sectionId, contract.id, contract.contentSm3));
        onSigned(await contractApi.sign(contract.sectionId, { certificatePem: signer.certificatePem, signature }));
        onClose();
      }}
    />
  );
}
