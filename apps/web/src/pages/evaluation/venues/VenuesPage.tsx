import type { EvaluationVenueView } from '@bidhall/contracts';
import { Alert, Button, Card, Empty, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { type DeviceRecord, deviceKeysSupported, loadDevice } from './deviceKey.ts';
import { RegisterDeviceModal } from './RegisterDeviceModal.tsx';
import { VenueCard } from './VenueCard.tsx';
import { VenueFormModal } from './VenueFormModal.tsx';

/** 评标场地: the region's venues and workstations for its staff (supervisors read); this browser registered as one. */
export default function VenuesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const venues = useLoader(() => venuesApi.list(), []);
  const [device, setDevice] = useState<DeviceRecord | null>(null);
  const [editing, setEditing] = useState<EvaluationVenueView | 'new'>();
  const [registering, setRegistering] = useState<EvaluationVenueView>();
  const canWrite = user?.kind === 'staff';

  useEffect(() => {
    void loadDevice().then(setDevice, () => setDevice(null));
  }, []);

  const mine = device?.workstation ?? null;
  const mineRevoked = mine ? venues.data?.flatMap((v) => v.workstations).find((w) => w.id === mine.id)?.revokedAt : null;

  return (
    <>
      <PageHeading
        title={t('evaluationVenues.venues.title')}
        subtitle={t('evaluationVenues.venues.subtitle')}
        trail={[{ title: t('evaluationVenues.nav.venues') }]}
        extra={canWrite && <Button type="primary" onClick={() => setEditing('new')}>{t('evaluationVenues.venues.add')}</Button>}
      />
      <div className="container page-body">
        <Card title={t('evaluationVenues.device.title')} size="small" style={{ marginBottom: 16 }} data-testid="device-card">
          {!deviceKeysSupported() ? (
            <Alert type="warning" showIcon message={t('evaluationVenues.device.unsupported')} />
          ) : mine && mineRevoked ? (
            <Alert type="error" showIcon message={t('evaluationVenues.device.revokedHere')} />
          ) : mine ? (
            <Alert type="success" showIcon message={t('evaluationVenues.device.registeredAs', { venue: mine.venueName, label: mine.label })} />
          ) : (
            <Alert type="info" showIcon message={t('evaluationVenues.device.none')} />
          )}
        </Card>
        {venues.error ? <LoadError error={venues.error} onRetry={() => void venues.reload()} /> : null}
        {venues.loading && !venues.data ? <Spin /> : null}
        {venues.data?.length === 0 && <Empty description={t('evaluationVenues.venues.empty')} />}
        {venues.data?.map((v) => (
          <VenueCard
            key={v.id}
            venue={v}
            canWrite={canWrite && deviceKeysSupported()}
            thisWorkstationId={mine?.id ?? null}
            onEdit={() => setEditing(v)}
            onRegister={() => setRegistering(v)}
            onChanged={venues.reload}
          />
        ))}
      </div>
      {editing && user && (
        <VenueFormModal venue={editing === 'new' ? undefined : editing} regionCode={user.regionCode} onClose={() => setEditing(undefined)} onDone={venues.reload} />
      )}
      {registering && (
        <RegisterDeviceModal
          venue={registering}
          onClose={() => setRegistering(undefined)}
          onDone={(d) => {
            setDevice(d);
            void venues.reload();
          }}
        />
      )}
    </>
  );
}
