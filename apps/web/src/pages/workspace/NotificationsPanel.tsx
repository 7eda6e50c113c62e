import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { useNotifications } from '../../auth/NotificationsContext.tsx';
import { formatTime } from '../../format.ts';

/** Messages to the user and the user's entity; unread first in weight, read ones dimmed. */
export function NotificationsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { items, unread, loading, markRead } = useNotifications();

  const read = async (id: string) => {
    try {
      await markRead(id);
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  return (
    <Card
      id="notifications"
      className="workspace-card"
      title={
        <span>
          <BellOutlined /> {t('workspace.notifications.title')} <Badge count={unread} size="small" />
        </span>
      }
      data-testid="notifications"
    >
      <Spin spinning={loading && items.length === 0}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.notifications.empty')} />
        ) : (
          <ul className="message-list">
            {items.map((m) => (
              <li key={m.id} className={m.readAt ? 'message-read' : 'message-unread'} data-testid="notification">
                <div className="message-head">
                  {!m.readAt && <Badge status="processing" />}
                  <span className="message-title">{m.title}</span>
                  <span className="message-time">{formatTime(m.createdAt)}</span>
                </div>
                <div className="message-body">{m.body}</div>
                {!m.readAt && (
                  <Button size="small" type="link" className="message-action" onClick={() => void read(m.id)}>
                    {t('workspace.notifications.markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Spin>
    </Card>
  );
}
