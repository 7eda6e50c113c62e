import { ClockCircleOutlined, FileProtectOutlined, LockOutlined, NodeIndexOutlined, RightOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from './SectionTitle.tsx';

const PROMISES = [
  { key: 'sealed', icon: <LockOutlined /> },
  { key: 'log', icon: <NodeIndexOutlined /> },
  { key: 'time', icon: <ClockCircleOutlined /> },
  { key: 'commitment', icon: <FileProtectOutlined /> },
] as const;

/** What the platform guarantees to everyone who trades on it. */
export function PromisesSection() {
  const { t } = useTranslation();
  return (
    <section className="home-section promises" data-testid="promises">
      <SectionTitle title={t('home.promises.title')} />
      <Row gutter={[16, 16]}>
        {PROMISES.map((p) => (
          <Col key={p.key} xs={24} sm={12} xl={6}>
            <div className="promise">
              <div className="promise-icon">{p.icon}</div>
              <div className="promise-title">{t(`home.promises.${p.key}.title`)}</div>
              <div className="promise-desc">{t(`home.promises.${p.key}.desc`)}</div>
              {p.key === 'log' && (
                <Link to="/verify" className="promise-link" data-testid="promise-verify">
                  {t('home.promises.verifyLink')} <RightOutlined />
                </Link>
              )}
            </div>
          </Col>
        ))}
      </Row>
    </section>
  );
}
