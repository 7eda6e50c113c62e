import {
  AuditOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

interface Entry {
  key: 'register' | 'notices' | 'remoteOpening' | 'experts' | 'credit' | 'openData';
  icon: ReactNode;
  colour: string;
  /** In-app path, external href, or nothing while the service is being built. */
  to?: string;
  href?: string;
}

const ENTRIES: Entry[] = [
  { key: 'register', icon: <SafetyCertificateOutlined />, colour: '#0b4ea2', to: '/register' },
  { key: 'notices', icon: <NotificationOutlined />, colour: '#c8102e', to: '/#notices' },
  { key: 'remoteOpening', icon: <VideoCameraOutlined />, colour: '#13a8a8' },
  { key: 'experts', icon: <TeamOutlined />, colour: '#722ed1', to: '/experts/apply' },
  { key: 'credit', icon: <AuditOutlined />, colour: '#d48806' },
  { key: 'openData', icon: <SafetyOutlined />, colour: '#389e0d', to: '/verify' },
];

/** The six service entries of the portal; those still being built say so. */
export function ServiceEntries() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="home-section service-entries" aria-label={t('home.services.title')}>
      <Row gutter={[16, 16]}>
        {ENTRIES.map((e) => {
          const available = Boolean(e.to || e.href);
          const open = () => {
            if (e.to) void navigate(e.to);
            else if (e.href) window.location.assign(e.href);
          };
          return (
            <Col key={e.key} xs={12} md={8} xl={4}>
              <Card
                hoverable={available}
                className={`service-card${available ? '' : ' service-card-soon'}`}
                onClick={available ? open : undefined}
                data-testid={`service-${e.key}`}
              >
                <div className="service-icon" style={{ color: e.colour, backgroundColor: `${e.colour}14` }}>
                  {e.icon}
                </div>
                <div className="service-name">{t(`home.services.${e.key}.name`)}</div>
                <div className="service-desc">{t(`home.services.${e.key}.desc`)}</div>
                {!available && <Tag className="service-soon">{t('home.services.soon')}</Tag>}
              </Card>
            </Col>
          );
        })}
      </Row>
    </section>
  );
}
