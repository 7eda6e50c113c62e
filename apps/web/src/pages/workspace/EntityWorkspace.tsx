import { Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { registrationApi } from '../../api/registration.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { CertificatesCard } from './CertificatesCard.tsx';
import { ChangesPanel } from './ChangesPanel.tsx';
import { EntityCard } from './EntityCard.tsx';
import { NotificationsPanel } from './NotificationsPanel.tsx';
import { StatusAlert } from './StatusAlert.tsx';
import { TradingAccessCard } from './TradingAccessCard.tsx';

export function EntityWorkspace() {
  const { t } = useTranslation();
  const { user, refresh } = useSession();
  const entity = useLoader(() => registrationApi.myEntity(), []);

  /** After the entity changed: reload it and the session (whose status drives access). */
  const changed = async () => {
    await Promise.all([entity.reload(), refresh()]);
  };

  return (
    <div data-testid="workspace">
      <PageHeading
        title={t('workspace.title')}
        subtitle={user?.entity ? t('workspace.greeting', { name: user.displayName, entity: user.entity.name }) : undefined}
        trail={[{ title: t('workspace.title') }]}
      />
      <div className="container page-body">
        {entity.error && !entity.data ? (
          <LoadError error={entity.error} onRetry={() => void entity.reload()} />
        ) : !entity.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <>
            <StatusAlert entity={entity.data} onChanged={changed} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <EntityCard entity={entity.data} />
                {entity.data.status === 'active' && <CertificatesCard />}
                {(entity.data.status === 'active' || entity.data.status === 'suspended') && (
                  <ChangesPanel entity={entity.data} onApplied={changed} />
                )}
              </Col>
              <Col xs={24} xl={8}>
                <TradingAccessCard entity={entity.data} />
                <NotificationsPanel />
              </Col>
            </Row>
          </>
        )}
      </div>
    </div>
  );
}
