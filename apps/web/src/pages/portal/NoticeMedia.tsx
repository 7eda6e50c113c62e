import { GlobalOutlined } from '@ant-design/icons';
import type { OutboxDestination } from '@bidhall/contracts';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where else the identical notice is published (B-001, B-036): this platform and each medium it went to. */
export function NoticeMedia({ media }: { media: readonly OutboxDestination[] }) {
  const { t } = useTranslation();
  return (
    <Card
      className="notice-card"
      title={
        <span>
          <GlobalOutlined /> {t('noticeMedia.title')}
        </span>
      }
      data-testid="notice-media"
    >
      <ul className="notice-media-list">
        <li>
          <Tag color="green">{t('noticeMedia.portal')}</Tag>
        </li>
        {media.map((m) => (
          <li key={m} data-medium={m}>
            <Tag color={m === 'designatedMedia' ? 'purple' : 'blue'}>{t(`exchange.destinations.${m}`)}</Tag>
          </li>
        ))}
      </ul>
      <div className="muted small">{t('noticeMedia.note')}</div>
    </Card>
  );
}
