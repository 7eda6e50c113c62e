import { Space } from 'antd';
import { Link } from 'react-router';
import type { NoticeListItem } from '../../api/portal.ts';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { NoticeTypeTag, ProminentTag, PublicationStatusTag } from './NoticeTags.tsx';

/** One notice in a list: type, title (linked), region, category, time and the text's opening words. */
export function NoticeRow({ item, compact = false }: { item: NoticeListItem; compact?: boolean }) {
  const { regionName, categoryName } = useCatalog();
  return (
    <li className={`notice-row${item.prominent ? ' notice-row-prominent' : ''}`} data-testid="notice-row" data-id={item.id}>
      <div className="notice-row-head">
        <Space size={4} className="notice-row-tags">
          {item.prominent && <ProminentTag />}
          <NoticeTypeTag type={item.type} />
          <PublicationStatusTag status={item.status} />
        </Space>
        <Link to={`/notices/${item.id}`} className="notice-row-title" data-testid="notice-link">
          {item.title}
        </Link>
        <span className="notice-row-time mono">{formatTime(item.publishedAt)}</span>
      </div>
      {!compact && (
        <div className="notice-row-meta">
          <span>{regionName(item.regionCode)}</span>
          <span>{categoryName(item.category)}</span>
          {item.excerpt && <span className="notice-row-excerpt">{item.excerpt}</span>}
        </div>
      )}
    </li>
  );
}
