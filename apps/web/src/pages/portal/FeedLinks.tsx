import { ApiOutlined, WifiOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FEEDS } from '../../api/portal.ts';

/** The Atom feed (for feed readers) and the JSON change feed with cursors (for machines). */
export function FeedLinks({ atom = FEEDS.atom }: { atom?: string }) {
  const { t } = useTranslation();
  return (
    <Space size="middle" className="feed-links" data-testid="feed-links">
      <a href={atom} target="_blank" rel="noreferrer" data-testid="feed-atom">
        <WifiOutlined rotate={45} /> {t('portal.feeds.atom')}
      </a>
      <a href={FEEDS.json} target="_blank" rel="noreferrer" data-testid="feed-json">
        <ApiOutlined /> {t('portal.feeds.json')}
      </a>
    </Space>
  );
}
