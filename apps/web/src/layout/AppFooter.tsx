import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../components/LogoMark.tsx';
import { useServerClock } from '../hooks/useServerClock.tsx';

export function AppFooter() {
  const { t } = useTranslation();
  const { now } = useServerClock();
  const year = new Date(now() + 8 * 3_600_000).getUTCFullYear();
  return (
    <footer className="app-footer">
      <div className="container app-footer-inner">
        <div className="footer-brand">
          <LogoMark size={36} />
          <div>
            <div className="footer-name">{t('app.name')}</div>
            <div className="footer-operator">{t('footer.operator')}</div>
          </div>
        </div>
        <div className="footer-columns">
          <div>
            <div className="footer-heading">{t('footer.services')}</div>
            <Link to="/register">{t('footer.register')}</Link>
            <Link to="/login">{t('footer.login')}</Link>
            <Link to="/experts/apply">{t('experts.nav.apply')}</Link>
            <Link to="/experts/record">{t('experts.nav.record')}</Link>
            <Link to="/agencies/record">{t('appraisal.nav.record')}</Link>
            <Link to="/verify">{t('footer.verify')}</Link>
            <a href="/api/docs">{t('footer.openData')}</a>
          </div>
          <div>
            <div className="footer-heading">{t('footer.about')}</div>
            <span>{t('footer.supervision')}</span>
            <span>{t('footer.timeNote')}</span>
          </div>
        </div>
      </div>
      <div className="footer-bottom">
        <div className="container">{t('footer.copyright', { year })}</div>
      </div>
    </footer>
  );
}
