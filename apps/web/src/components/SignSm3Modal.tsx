import { EditOutlined } from '@ant-design/icons';
import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { BidSigner } from '../pages/bidder/bid/bidKey.ts';
import { SignerFiles } from '../pages/evaluation/report/SignerFiles.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/**
 * Signing an SM3 in this browser: the user picks its entity's bound certificate and key file, `submit`
 * signs what its caller names and sends only the signature. One modal for every e-signature of a
 * document's digest (award notices, contracts, …); the caller says what is signed and where it goes.
 */
export default function SignSm3Modal({
  title,
  lead,
  contentSm3,
  submitLabel,
  doneMessage,
  testId,
  submit,
  onClose,
}: {
  title: string;
  lead: string;
  contentSm3: string;
  submitLabel: string;
  doneMessage: string;
  /** data-testid prefix: `${testId}-modal`, `${testId}-submit`, `${testId}-error`, and the signer files'. */
  testId: string;
  /** Signs with the chosen signer and submits; resolves once the platform accepted it. */
  submit: (signer: BidSigner) => Promise<void>;
  onClose: () => void;
}) {
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
      await submit(signer);
      message.success(doneMessage);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={620}
      data-testid={`${testId}-modal`}
      footer={
        <Button type="primary" icon={<EditOutlined />} loading={busy} disabled={!signer} onClick={() => void sign()} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{lead}</Typography.Paragraph>
      <Typography.Paragraph className="mono small break">SM3: {contentSm3}</Typography.Paragraph>
      <SignerFiles disabled={busy} onSigner={onSigner} testId={testId} />
      {error !== undefined && <ProblemAlert error={error} testId={`${testId}-error`} />}
    </Modal>
  );
}
