import { Layout } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LogoMark } from '../components/LogoMark.tsx';
import { ServerClock } from '../components/ServerClock.tsx';
import { MainNav } from './MainNav.tsx';
import { UserArea } from './UserArea.tsx';

/** A utility bar (server clock, language, account) over the brand and navigation bar. */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="utility-bar">
        <div className="container utility-bar-inner">
          <span className="utility-welcome">{t('header.welcome')}</span>
          <div className="utility-right">
            <ServerClock />
            <LanguageSwitch />
          </div>
        </div>
      </div>
      <Layout.Header className="brand-bar">
        <div className="container brand-bar-inner">
          <Link to="/" className="brand" aria-label={t('app.name')}>
            <LogoMark size={44} />
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-sub">{t('app.subtitle')}</span>
            </span>
          </Link>
          <MainNav />
          <UserArea />
        </div>
      </Layout.Header>
    </header>
  );
}
