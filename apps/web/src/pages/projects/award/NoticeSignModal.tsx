import { EditOutlined } from '@ant-design/icons';
import { awardNoticesSigningPayload, type AwardNoticeView } from '@bidhall/contracts';
import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { BidSigner } from '../../bidder/bid/bidKey.ts';
import { SignerFiles } from '../../evaluation/report/SignerFiles.tsx';

/**
 * The tenderer signs the award notices: its entity's bound certificate and key file sign
 * {action: 'signAwardNotices', sectionId, round, contentSm3} in this browser; only the signature goes
 * to the platform, which submits the notices for verification.
 */
export default function NoticeSignModal({
  notice,
  onClose,
  onSigned,
}: {
  notice: AwardNoticeView;
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
      const signature = signer.sign(awardNoticesSigningPayload(notice.sectionId, notice.round, notice.contentSm3));
      await awardApi.submitNotices(notice.sectionId, { certificatePem: signer.certificatePem, signature });
      message.success(t('award.notices.signModal.done'));
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
      title={t('award.notices.signModal.title')}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={620}
      data-testid="notices-sign-modal"
      footer={
        <Button
          type="primary"
          icon={<EditOutlined />}
          loading={busy}
          disabled={!signer}
          onClick={() => void sign()}
          data-testid="notices-sign-submit"
        >
          {t('award.notices.sign')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('award.notices.signModal.lead')}</Typography.Paragraph>
      <Typography.Paragraph className="mono small break">SM3: {notice.contentSm3}</Typography.Paragraph>
      <SignerFiles disabled={busy} onSigner={onSigner} testId="notices-sign" />
      {error !== undefined && <ProblemAlert error={error} testId="notices-sign-error" />}
    </Modal>
  );
}
