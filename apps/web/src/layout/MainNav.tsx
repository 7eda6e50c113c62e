import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STAFF_READERS } from '../auth/homePath.ts';
import { useSession } from '../auth/SessionContext.tsx';

/** The main navigation: the public portal, then what the logged-in user's kind may open. */
export function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: NonNullable<MenuProps['items']> = [
    { key: '/', label: t('nav.home') },
    { key: '/notices', label: t('nav.notices') },
  ];
  if (!user) items.push({ key: '/register', label: t('nav.register') });
  if (user) items.push({ key: '/workspace', label: t('nav.workspace') });
  if (user?.entity?.roles.some((r) => r === 'tenderer' || r === 'agency')) items.push({ key: '/projects', label: t('projects.nav.workspace') });
  if (user?.entity?.roles.includes('bidder')) items.push({ key: '/bidder', label: t('bidder.nav') });
  if (user && STAFF_READERS.includes(user.kind)) items.push({ key: '/staff/verification', label: t('nav.verification') });
  if (user?.kind === 'staff' || user?.kind === 'supervisor') items.push({ key: '/staff/projects', label: t('projects.nav.review') });
  if (user?.kind === 'staff' || user?.kind === 'supervisor') items.push({ key: '/staff/experts', label: t('experts.nav.pool') });
  if (user?.kind === 'staff' || user?.kind === 'supervisor') items.push({ key: '/staff/evaluation-monitor', label: t('evaluationVenues.nav.monitor') }, { key: '/staff/evaluation-venues', label: t('evaluationVenues.nav.venues') });
  if (user?.kind === 'staff' || user?.kind === 'admin' || user?.kind === 'auditor') items.push({ key: '/staff/exchange', label: t('exchange.nav') });
  if (user?.kind === 'expert') items.push({ key: '/expert/invitations', label: t('experts.nav.mine') });
  if (user?.kind === 'staff' || user?.kind === 'supervisor' || user?.kind === 'auditor') items.push({ key: '/staff/finance', label: t('finance.nav') });
  if (user?.kind === 'staff' || user?.kind === 'supervisor' || user?.kind === 'auditor' || user?.kind === 'admin') items.push({ key: '/staff/opening-record-templates', label: t('recordTemplates.nav') });
  if (user?.kind === 'staff' || user?.kind === 'admin' || user?.entity?.roles.some((r) => r === 'tenderer' || r === 'agency')) items.push({ key: '/method-templates', label: t('desk.method.templates.page.title') });
  if (user?.kind === 'staff' || user?.kind === 'admin') items.push({ key: '/system/calendar', label: t('system.calendar.nav') });
  if (user?.kind === 'securityAdmin' || user?.kind === 'auditor') items.push({ key: '/admin/users', label: t('nav.users') });
  if (user?.kind === 'auditor') items.push({ key: '/audit', label: t('nav.audit') });

  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => !k.includes('#') && (k === '/' ? pathname === '/' : pathname.startsWith(k)));
  return (
    <Menu
      className="main-nav"
      mode="horizontal"
      selectedKeys={selected}
      items={items}
      onClick={({ key }) => navigate(key)}
      disabledOverflow={false}
    />
  );
}
