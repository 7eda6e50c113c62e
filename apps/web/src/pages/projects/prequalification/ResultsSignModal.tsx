import { EditOutlined } from '@ant-design/icons';
import { prequalificationResultsSigningPayload, type PrequalificationResultsView } from '@bidhall/contracts';
import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prequalificationApi } from '../../../api/prequalification.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { BidSigner } from '../../bidder/bid/bidKey.ts';
import { SignerFiles } from '../../evaluation/report/SignerFiles.tsx';

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
      const signature = signer.sign(prequalificationResultsSigningPayload(results.sectionId, results.round, results.contentSm3));
      await prequalificationApi.submit(results.sectionId, { certificatePem: signer.certificatePem, signature });
      message.success(t('prequalification.signModal.done'));
      onClose();
      await onSigned();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('prequalification.signModal.title')}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={620}
      data-testid="pq-sign-modal"
      footer={
        <Button
          type="primary"
          icon={<EditOutlined />}
          loading={busy}
          disabled={!signer}
          onClick={() => void sign()}
          data-testid="pq-sign-submit"
        >
          {t('prequalification.sign')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('prequalification.signModal.lead')}</Typography.Paragraph>
      <Typography.Paragraph className="mono small break">SM3: {results.contentSm3}</Typography.Paragraph>
      <SignerFiles disabled={busy} onSigner={onSigner} testId="pq-sign" />
      {error !== undefined && <ProblemAlert error={error} testId="pq-sign-error" />}
    </Modal>
  );
}
