import type { EvaluationVenueView } from '@bidhall/contracts';
import { Alert, Button, Form, Input, Modal, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { problemMessage } from '../../../api/problem.ts';
import { type DeviceRecord, generateDevice, loadDevice, saveDevice } from './deviceKey.ts';

type Step = 0 | 1 | 2 | 3;

/**
 * Registers this browser as a workstation of a venue, step by step: make the key (or reuse one made
 * here before and not yet registered), register its public half, keep the registration beside the key.
 */
export function RegisterDeviceModal({ venue, onClose, onDone }: { venue: EvaluationVenueView; onClose: () => void; onDone: (d: DeviceRecord) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(`${venue.name}-${venue.workstations.length + 1}`);
  const [step, setStep] = useState<Step>(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setStep(0);
      const existing = await loadDevice();
      // A key registered before (perhaps revoked since) is not registered twice: a new one is made.
      const device = existing && !existing.workstation ? existing : await generateDevice();
      await saveDevice(device);
      setStep(1);
      const w = await venuesApi.registerWorkstation(venue.id, label.trim(), device.publicKey);
      setStep(2);
      const done: DeviceRecord = { ...device, workstation: { id: w.id, venueId: venue.id, venueName: venue.name, label: w.label, thumbprint: w.thumbprint } };
      await saveDevice(done);
      setStep(3);
      onDone(done);
    } catch (err) {
      setError(err instanceof ApiError ? problemMessage(t, err) : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('evaluationVenues.device.registerTitle', { venue: venue.name })}
      onCancel={onClose}
      footer={
        step === 3 ? (
          <Button type="primary" onClick={onClose}>
            {t('common.confirm')}
          </Button>
        ) : (
          <Button type="primary" loading={busy} disabled={!label.trim()} onClick={() => void run()} data-testid="register-device">
            {t('evaluationVenues.device.register')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon message={t('evaluationVenues.device.registerLead')} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={t('evaluationVenues.venues.label')} required>
          <Input value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} disabled={busy || step === 3} />
        </Form.Item>
      </Form>
      <Steps
        direction="vertical"
        size="small"
        current={step}
        status={error ? 'error' : step === 3 ? 'finish' : busy ? 'process' : 'wait'}
        items={(['generate', 'register', 'store'] as const).map((s) => ({ title: t(`evaluationVenues.device.steps.${s}`) }))}
      />
      {error && <Alert type="error" showIcon message={t('evaluationVenues.device.failed', { message: error })} />}
      {step === 3 && <Alert type="success" showIcon message={t('evaluationVenues.device.done')} />}
    </Modal>
  );
}
