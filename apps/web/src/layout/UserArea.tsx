import { BellOutlined, DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Badge, Button, Dropdown, Space, type MenuProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { homePathFor } from '../auth/homePath.ts';
import { useNotifications } from '../auth/NotificationsContext.tsx';
import { useSession } from '../auth/SessionContext.tsx';

/** Login and register buttons, or the user's menu with the unread-message badge. */
export function UserArea() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const { unread } = useNotifications();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (!user) {
    return (
      <Space className="user-area">
        <Link to="/login">
          <Button type="primary" data-testid="header-login">
            {t('header.login')}
          </Button>
        </Link>
        <Link to="/register">
          <Button>{t('header.register')}</Button>
        </Link>
      </Space>
    );
  }

  const items: MenuProps['items'] = [
    { key: 'home', icon: <UserOutlined />, label: t('header.myHome') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];
  const signOut = async () => {
    await logout();
    message.success(t('header.loggedOut'));
    await navigate('/');
  };
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'home') void navigate(homePathFor(user));
    if (key === 'logout') void signOut();
  };

  return (
    <Space className="user-area" size="middle">
      <Link to="/workspace#notifications" aria-label={t('header.notifications')} data-testid="header-notifications">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="header-bell" />
        </Badge>
      </Link>
      <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
        <Button type="text" className="user-button" data-testid="user-menu">
          <Avatar size="small" style={{ backgroundColor: '#0b4ea2' }}>
            {user.displayName.slice(0, 1)}
          </Avatar>
          <span className="user-name">{user.displayName}</span>
          <span className="user-kind">{user.entity?.name ?? t(`kinds.${user.kind}`)}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
