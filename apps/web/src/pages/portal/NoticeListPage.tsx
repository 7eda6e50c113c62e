import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Spin } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { atomFeedUrl, portalApi } from '../../api/portal.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { FeedLinks } from './FeedLinks.tsx';
import { NoticeFilters } from './NoticeFilters.tsx';
import { NoticeRow } from './NoticeRow.tsx';
import { filterFromParams, PAGE_SIZE, paramsWith } from './noticeParams.ts';
import './portal.css';

/**
 * 交易公告: every publication, newest first (best match first when searching), filtered on the server
 * and paged by the server's keyset cursor. The cursors of earlier pages are kept here, so "previous"
 * needs no offset the API does not have.
 */
export default function NoticeListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const key = JSON.stringify(filter);
  // cursors[i] opens page i + 1; page 1 has none. Reset whenever the filters change.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const page = cursors.length;
  const cursor = cursors[page - 1];
  const list = useLoader(() => portalApi.notices({ ...filter, cursor }), [key, cursor]);

  const update = (changes: Record<string, string | undefined>) => setParams(paramsWith(params, changes));
  const go = (next: (string | undefined)[]) => {
    setPaging({ key, cursors: next });
    window.scrollTo({ top: 0 });
  };
  const items = list.data?.items ?? [];
  const nextCursor = list.data?.nextCursor ?? null;

  return (
    <div data-testid="notice-list-page">
      <PageHeading
        title={t('portal.title')}
        subtitle={t('portal.subtitle')}
        trail={[{ title: t('portal.title') }]}
        extra={<FeedLinks atom={atomFeedUrl(filter)} />}
      />
      <div className="container page-body">
        <Card className="portal-card">
          <NoticeFilters filter={filter} onChange={update} />
          {filter.q && (
            <div className="portal-search-note muted" data-testid="search-note">
              {t('portal.searchNote', { q: filter.q })}
            </div>
          )}
          {list.error ? (
            <LoadError error={list.error} onRetry={() => void list.reload()} />
          ) : (
            <Spin spinning={list.loading}>
              {items.length === 0 && !list.loading ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filter.q ? t('portal.noMatch', { q: filter.q }) : t('portal.empty')}
                  className="portal-empty"
                />
              ) : (
                <ul className="notice-list" data-testid="notice-list">
                  {items.map((item) => (
                    <NoticeRow key={item.id} item={item} />
                  ))}
                </ul>
              )}
            </Spin>
          )}
          <div className="portal-pager" data-testid="notice-pager">
            <Space>
              <Button icon={<LeftOutlined />} disabled={page <= 1 || list.loading} onClick={() => go(cursors.slice(0, -1))}>
                {t('portal.pager.previous')}
              </Button>
              <span className="muted">{t('portal.pager.page', { page, size: PAGE_SIZE })}</span>
              <Button
                disabled={!nextCursor || list.loading}
                onClick={() => nextCursor && go([...cursors, nextCursor])}
                data-testid="notice-next"
              >
                {t('portal.pager.next')} <RightOutlined />
              </Button>
            </Space>
          </div>
        </Card>
      </div>
    </div>
  );
}
