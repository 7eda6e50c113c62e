import { SafetyOutlined } from '@ant-design/icons';
import { publicKeyFromPem, verifyTreeHead, type SignedTreeHead } from '@bidhall/crypto/browser';
import { isSignedTreeHead, type HeadVerdict } from '@bidhall/crypto/log-verify';
import { Alert, Button, Card, Empty, Input, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logApi, type CosignatureView, type PublishedHeadView } from '../../api/log.ts';
import { problemMessage } from '../../api/problem.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatBeijing, formatTime } from '../../format.ts';
import { useLoadMore } from '../../hooks/useLoadMore.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { shortHex } from '../../trust/checks.ts';
import { verifySinceHead } from '../../trust/logVerify.ts';

const PAGE = 20;

function signedBy(head: SignedTreeHead, keyPem: string | undefined): boolean | undefined {
  if (!keyPem) return undefined;
  try {
    verifyTreeHead(head, publicKeyFromPem(keyPem));
    return true;
  } catch {
    return false;
  }
}

/** The latest co-signature of each witness, newest first. */
function witnessesOf(cosignatures: readonly CosignatureView[]): CosignatureView[] {
  const latest = new Map<string, CosignatureView>();
  for (const c of cosignatures) if (!latest.has(c.witnessKeyId)) latest.set(c.witnessKeyId, c);
  return [...latest.values()];
}

/**
 * The heads the platform published at its fixed interval (decision 0014), each copyable to be held
 * to later; a saved head checked against the current one; and the witnesses that co-sign heads.
 */
export function HeadsTab({ keyPem }: { keyPem: string | undefined }) {
  const { t } = useTranslation();
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const fetchPage = useCallback(async (beforeSize?: number) => {
    const page = await logApi.publishedHeads(PAGE, beforeSize);
    return { items: page, next: page.length === PAGE ? page.at(-1)?.head.treeSize : undefined };
  }, []);
  const { items, loading, error, hasMore, reload, loadMore } = useLoadMore(fetchPage);
  const cosignatures = useLoader(() => logApi.cosignatures(), []);
  const witnesses = useMemo(() => witnessesOf(cosignatures.data ?? []), [cosignatures.data]);
  const [saved, setSaved] = useState('');
  const [verdict, setVerdict] = useState<HeadVerdict | 'notHead' | { error: unknown }>();
  const [checking, setChecking] = useState(false);

  const check = async () => {
    if (!keyPem) return;
    let head: unknown;
    try {
      head = JSON.parse(saved);
    } catch {
      head = undefined;
    }
    if (!isSignedTreeHead(head)) return setVerdict('notHead');
    setChecking(true);
    try {
      setVerdict(await verifySinceHead(head, keyPem));
    } catch (err) {
      setVerdict({ error: err });
    } finally {
      setChecking(false);
    }
  };

  return (
    <div data-testid="heads-tab">
      <p className="muted card-lead">{t('verify.heads.lead')}</p>
      {error ? (
        <LoadError error={error} onRetry={() => void reload()} />
      ) : (
        <Table<PublishedHeadView>
          rowKey={(p) => p.head.treeSize}
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verify.heads.empty')} /> }}
          data-testid="published-heads"
          columns={[
            { title: t('verify.heads.size'), key: 'size', width: 90, render: (_, p) => p.head.treeSize },
            { title: t('verify.heads.time'), key: 'time', width: 170, render: (_, p) => formatBeijing(p.head.timestamp) },
            {
              title: t('verify.heads.root'),
              key: 'root',
              render: (_, p) => (
                <Tooltip title={<span className="mono small">{p.head.rootHash}</span>}>
                  <span className="mono small">{shortHex(p.head.rootHash)}</span>
                </Tooltip>
              ),
            },
            {
              title: t('verify.heads.signature'),
              key: 'signature',
              width: 150,
              render: (_, p) => {
                const ok = signedBy(p.head, keyPem);
                if (ok === undefined) return '—';
                return (
                  <Tag color={ok ? 'success' : 'error'}>
                    {ok ? t('verify.heads.signatureOk') : t('verify.heads.signatureFailed')}
                  </Tag>
                );
              },
            },
            {
              title: t('verify.heads.witnesses'),
              key: 'witnesses',
              width: 170,
              render: (_, p) =>
                p.cosignatures.length ? (
                  <Tooltip
                    title={<span className="mono small">{p.cosignatures.map((c) => shortHex(c.witnessKeyId)).join(' · ')}</span>}
                  >
                    <Tag color="blue" data-testid="head-witnesses">
                      {t('verify.heads.witnessCount', { count: p.cosignatures.length })}
                    </Tag>
                  </Tooltip>
                ) : (
                  <span className="muted small">{t('verify.heads.noWitness')}</span>
                ),
            },
            {
              title: t('verify.heads.copy'),
              key: 'copy',
              width: 120,
              render: (_, p) => (
                <Typography.Text copyable={{ text: JSON.stringify(p.head) }} className="small" data-testid="head-copy">
                  JSON
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      {hasMore && (
        <div className="load-more">
          <Button onClick={() => void loadMore()} loading={loading}>
            {t('verify.heads.loadMore')}
          </Button>
        </div>
      )}

      <Card size="small" className="heads-since" style={{ marginTop: 16 }} title={t('verify.heads.since.title')}>
        <p className="muted">{t('verify.heads.since.lead')}</p>
        <Input.TextArea
          className="mono small"
          rows={4}
          value={saved}
          onChange={(e) => {
            setSaved(e.target.value);
            setVerdict(undefined);
          }}
          placeholder={t('verify.heads.since.placeholder')}
          data-testid="since-head"
        />
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          disabled={!keyPem || !saved.trim()}
          loading={checking}
          onClick={() => void check()}
          className="verify-button"
          data-testid="since-check"
        >
          {t('verify.heads.since.check')}
        </Button>
        {verdict === 'notHead' ? (
          <Alert type="error" showIcon title={t('verify.heads.since.notHead')} data-testid="since-result" data-status="failed" />
        ) : verdict && 'error' in verdict ? (
          <Alert type="error" showIcon title={problemMessage(t, verdict.error)} data-testid="since-result" data-status="failed" />
        ) : verdict?.ok ? (
          <Alert
            type="success"
            showIcon
            title={tx(`verify.heads.since.${verdict.grown ? 'grown' : 'same'}`, {
              saved: verdict.saved.treeSize,
              current: verdict.current.treeSize,
            })}
            data-testid="since-result"
            data-status="ok"
          />
        ) : verdict ? (
          <Alert
            type="error"
            showIcon
            title={t('verify.heads.since.failed')}
            description={tx(`verify.heads.since.failures.${verdict.reason}`, verdict.values)}
            data-testid="since-result"
            data-status="failed"
            data-reason={verdict.reason}
          />
        ) : null}
      </Card>

      <Card size="small" className="heads-witnesses" style={{ marginTop: 16 }} title={t('verify.heads.witnessList.title')}>
        <p className="muted">{t('verify.heads.witnessList.lead')}</p>
        <Typography.Paragraph copyable className="mono small witness-command">
          {`bidhall log witness --url ${window.location.origin} --state witness.json --interval 60s`}
        </Typography.Paragraph>
        {cosignatures.error ? (
          <LoadError error={cosignatures.error} onRetry={() => void cosignatures.reload()} />
        ) : (
          <Table<CosignatureView>
            rowKey="witnessKeyId"
            size="small"
            loading={cosignatures.loading}
            dataSource={witnesses}
            pagination={false}
            locale={{ emptyText: t('verify.heads.witnessList.none') }}
            data-testid="witnesses"
            columns={[
              {
                title: t('verify.heads.witnessList.keyId'),
                dataIndex: 'witnessKeyId',
                render: (v: string) => (
                  <Typography.Text code copyable={{ text: v }} className="mono small">
                    {shortHex(v)}
                  </Typography.Text>
                ),
              },
              { title: t('verify.heads.witnessList.lastSize'), dataIndex: 'treeSize', width: 160 },
              {
                title: t('verify.heads.witnessList.lastTime'),
                dataIndex: 'receivedAt',
                width: 180,
                render: (v: string) => formatTime(v, true),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
