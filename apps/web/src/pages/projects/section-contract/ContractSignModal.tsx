import { EditOutlined } from '@ant-design/icons';
import { contractSigningPayload, type ContractView } from '@bidhall/contracts';
import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { BidSigner } from '../../bidder/bid/bidKey.ts';
import { SignerFiles } from '../../evaluation/report/SignerFiles.tsx';

/**
 * A side e-signs the contract: its entity's bound certificate and key file sign {action:
 * 'signContract', sectionId, contractId, contentSm3} in this browser; only the signature goes to the platform.
 */
export default function ContractSignModal({
  contract,
  onClose,
  onSigned,
}: {
  contract: ContractView;
  onClose: () => void;
  onSigned: (v: ContractView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [signer, setSigner] = useState<BidSigner>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onSigner = useCallback((s: BidSigner | undefined) => setSigner(s), []);

  const sign = async () => {
    if (!signer) return;
    setBusy(true);
    setError(undefined);
    try {
      const signature = signer.sign(contractSigningPayload(contract.sectionId, contract.id, contract.contentSm3));
      const v = await contractApi.sign(contract.sectionId, { certificatePem: signer.certificatePem, signature });
      message.success(t('contract.sign.done'));
      onSigned(v);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('contract.sign.title')}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={620}
      data-testid="contract-sign-modal"
      footer={
        <Button
          type="primary"
          icon={<EditOutlined />}
          loading={busy}
          disabled={!signer}
          onClick={() => void sign()}
          data-testid="contract-sign-submit"
        >
          {t('contract.sign.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('contract.sign.lead')}</Typography.Paragraph>
      <Typography.Paragraph className="mono small">SM3: {contract.contentSm3}</Typography.Paragraph>
      <SignerFiles disabled={busy} onSigner={onSigner} testId="contract-sign" />
      {error !== undefined && <ProblemAlert error={error} testId="contract-sign-error" />}
    </Modal>
  );
}
