import { ApiOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DrawTab } from './DrawTab.tsx';
import { HeadsTab } from './HeadsTab.tsx';
import { LogKeyCard } from './LogKeyCard.tsx';
import { LogTab } from './LogTab.tsx';
import { ReceiptTab } from './ReceiptTab.tsx';
import { useLogKey } from './useLogKey.ts';

const TABS = ['receipt', 'log', 'heads', 'draw'] as const;
type Tab = (typeof TABS)[number];

/**
 * Public verification (F-08, F-27): a log receipt, the whole log, the published heads (held to one saved
 * earlier; decision 0014) and a revealed draw, each checked in the browser with the log's public key as
 * the only thing trusted. The tab is in the URL (`?tab=`).
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const logKey = useLogKey();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'receipt';
  const keyPem = logKey.keyId ? logKey.pem : undefined;

  const select = (key: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  return (
    <div data-testid="verify-page">
      <PageHeading
        title={t('verify.title')}
        subtitle={t('verify.subtitle')}
        trail={[{ title: t('verify.title') }]}
        extra={
          <a href="/api/docs">
            <ApiOutlined /> {t('verify.apiDocs')}
          </a>
        }
      />
      <div className="container page-body">
        <LogKeyCard logKey={logKey} />
        <Card className="workspace-card verify-card">
          <Tabs
            activeKey={tab}
            onChange={select}
            items={[
              {
                key: 'receipt',
                label: <span data-testid="verify-tab-receipt">{t('verify.tabs.receipt')}</span>,
                children: <ReceiptTab keyPem={keyPem} />,
              },
              {
                key: 'log',
                label: <span data-testid="verify-tab-log">{t('verify.tabs.log')}</span>,
                children: <LogTab keyPem={keyPem} />,
              },
              {
                key: 'heads',
                label: <span data-testid="verify-tab-heads">{t('verify.tabs.heads')}</span>,
                children: <HeadsTab keyPem={keyPem} />,
              },
              {
                key: 'draw',
                label: <span data-testid="verify-tab-draw">{t('verify.tabs.draw')}</span>,
                children: <DrawTab keyPem={keyPem} />,
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
