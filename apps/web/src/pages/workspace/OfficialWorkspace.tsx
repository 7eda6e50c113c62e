import { AuditOutlined, CalendarOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CALENDAR_EDITORS, calendarApi } from '../../api/calendar.ts';
import type { SessionUser, UserKind } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserKindTag } from '../../components/StatusTags.tsx';
import { formatBeijing } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import { CalendarGapAlert, missingYears } from '../system/CalendarGapAlert.tsx';
import { NotificationsPanel } from './NotificationsPanel.tsx';

interface Shortcut {
  key: 'verification' | 'users' | 'audit' | 'calendar';
  to: string;
  icon: ReactNode;
  kinds: UserKind[];
}

const SHORTCUTS: Shortcut[] = [
  {
    key: 'verification',
    to: '/staff/verification',
    icon: <SafetyCertificateOutlined />,
    kinds: ['staff', 'supervisor', 'auditor'],
  },
  { key: 'users', to: '/admin/users', icon: <TeamOutlined />, kinds: ['securityAdmin', 'auditor'] },
  { key: 'audit', to: '/audit', icon: <AuditOutlined />, kinds: ['auditor'] },
  { key: 'calendar', to: '/system/calendar', icon: <CalendarOutlined />, kinds: [...CALENDAR_EDITORS] },
];

/** For those who enter the holidays: a year the working-day calendar lacks, said where they start the day. */
function CalendarGap() {
  const clock = useServerClock();
  const thisYear = Number(formatBeijing(clock.now()).slice(0, 4));
  const years = useLoader(() => calendarApi.years(), []);
  if (!years.data) return null;
  return (
    <CalendarGapAlert
      missing={missingYears(years.data, thisYear)}
      thisYear={thisYear}
      canEdit
      link
      style={{ marginBottom: 16 }}
    />
  );
}

/** The home of platform staff, supervisors, experts, auditors and administrators. */
export function OfficialWorkspace({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { regionName, categoryName } = useCatalog();
  const shortcuts = SHORTCUTS.filter((s) => s.kinds.includes(user.kind));
  return (
    <div data-testid="workspace">
      <PageHeading
        title={t('workspace.title')}
        subtitle={t('workspace.officialGreeting', { name: user.displayName })}
        trail={[{ title: t('workspace.title') }]}
      />
      <div className="container page-body">
        {CALENDAR_EDITORS.includes(user.kind) && <CalendarGap />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card className="workspace-card" title={t('workspace.account')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'name', label: t('fields.displayName'), children: user.displayName },
                  { key: 'username', label: t('fields.username'), children: user.username },
                  { key: 'kind', label: t('fields.kind'), children: <UserKindTag kind={user.kind} /> },
                  { key: 'region', label: t('fields.regionCode'), children: regionName(user.regionCode) },
                  { key: 'department', label: t('fields.department'), children: user.department ?? '—' },
                  {
                    key: 'categories',
                    label: t('fields.categories'),
                    children: user.categories.length ? user.categories.map(categoryName).join(t('common.listSeparator')) : '—',
                  },
                ]}
              />
            </Card>
            <Row gutter={[16, 16]}>
              {shortcuts.map((s) => (
                <Col key={s.key} xs={24} md={12}>
                  <Card hoverable className="shortcut-card" onClick={() => navigate(s.to)}>
                    <div className="shortcut-icon">{s.icon}</div>
                    <div>
                      <div className="shortcut-name">{t(`workspace.shortcuts.${s.key}.name`)}</div>
                      <div className="muted">{t(`workspace.shortcuts.${s.key}.desc`)}</div>
                    </div>
                  </Card>
                </Col>
              ))}
              {shortcuts.length === 0 && (
                <Col xs={24}>
                  <Card className="workspace-card">
                    <div className="muted">{t('workspace.noShortcuts')}</div>
                  </Card>
                </Col>
              )}
            </Row>
          </Col>
          <Col xs={24} xl={8}>
            <NotificationsPanel />
          </Col>
        </Row>
      </div>
    </div>
  );
}
