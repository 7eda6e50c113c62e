import { CheckCircleFilled, LockFilled } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../api/types.ts';

/**
 * What the entity may do in trading by its roles. Only an active entity holds its roles; a suspended
 * one keeps its workspace (to see why, and to appeal) and nothing else. The trading actions themselves
 * come with the tendering module.
 */
export function TradingAccessCard({ entity }: { entity: EntityView }) {
  const { t } = useTranslation();
  const open = entity.status === 'active';
  return (
    <Card
      className="workspace-card"
      title={t('workspace.access.title')}
      data-testid="trading-access"
      data-state={open ? 'open' : 'locked'}
    >
      <ul className="access-list">
        {entity.roles.map((role) => (
          <li
            key={role}
            className={open ? 'access-open' : 'access-locked'}
            data-testid={`access-${role}`}
            data-state={open ? 'open' : 'locked'}
          >
            {open ? <CheckCircleFilled /> : <LockFilled />}
            <div>
              <div className="access-role">{t(`roles.${role}`)}</div>
              <div className="access-desc">
                {open
                  ? t(`workspace.access.can.${role}`)
                  : t(entity.status === 'suspended' ? 'workspace.access.lockedSuspended' : 'workspace.access.locked')}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="muted small">{t('workspace.access.comingWithTendering')}</div>
    </Card>
  );
}
