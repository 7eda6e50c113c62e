import { BankOutlined, ClockCircleOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { biddingApi, type BidReceiptResponse } from '../../../api/bidding.ts';
import { ApiError } from '../../../api/client.ts';
import { problemMessage } from '../../../api/problem.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { Countdown, useRemaining } from '../../portal/Countdown.tsx';
import type { BidSigner } from './bidKey.ts';
import { BidComposer, type ComposeMode } from './BidComposer.tsx';
import { BidKeyCard } from './BidKeyCard.tsx';
import { BidReceiptCard } from './BidReceiptCard.tsx';
import { BondRefunds } from './BondRefunds.tsx';
import { GuaranteeCard } from './GuaranteeCard.tsx';
import { drafts, type SealedDraft } from './localStore.ts';
import { formatFen } from './money.ts';
import { MyBids } from './MyBids.tsx';
import { biddingWords } from './sittingWords.ts';
import { uploadAndSubmit, type UploadProgress } from './submitDraft.ts';
import './bidding.css';

/**
 * 投标 (issue 10 §1, §5, §6): what the tender document requires (A-87) with the deadline counting down
 * on server time, the entity's bids and receipts on this section, and the composer that seals in this
 * browser, uploads resumably and submits. Everything stops at the deadline; the server decides. A
 * prequalification section first takes applications under its prequalification document, until the
 * application deadline, in the same way (decision 0023): the server says which sitting is open.
 */
export default function BiddingTab({ sectionId, documentKind }: { sectionId: string; documentKind: 'tender' | 'prequalification' }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const req = useLoader(() => biddingApi.requirements(sectionId), [sectionId]);
  const bids = useLoader(() => biddingApi.mine(), [sectionId]);
  const account = useLoader(() => biddingApi.bondAccount(sectionId).catch(() => null), [sectionId]);
  const [signer, setSigner] = useState<BidSigner | null>(null);
  const onSigner = useCallback((s: BidSigner | null) => setSigner(s), []);
  const [mode, setMode] = useState<ComposeMode | null>(null);
  const [latest, setLatest] = useState<BidReceiptResponse>();
  const [draft, setDraft] = useState<SealedDraft>();
  const [resume, setResume] = useState<{ progress?: UploadProgress; error?: unknown; busy: boolean }>({ busy: false });
  const r = req.data;
  const { left } = useRemaining(r?.bidDeadline);
  const closed = !!r && (!r.open || (left !== null && left <= 0));
  const mine = (bids.data ?? []).filter((b) => b.sectionId === sectionId);
  // An application of the same round is no bid: only the open sitting's submission is live here.
  const live = mine.find((b) => b.status === 'submitted' && (!r || (b.round === r.round && b.sitting === r.sitting)));

  useEffect(() => {
    let alive = true;
    drafts
      .get(sectionId)
      .then((d) => alive && setDraft(d))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [sectionId, latest]);

  const done = (response: BidReceiptResponse) => {
    setLatest(response);
    setMode(null);
    setDraft(undefined);
    void bids.reload();
    void req.reload();
  };

  const openAccount = async () => {
    try {
      await biddingApi.openBondAccount(sectionId);
      void account.reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const resumeDraft = async () => {
    if (!draft) return;
    setResume({ busy: true });
    try {
      const response = await uploadAndSubmit(draft, (progress) => setResume({ busy: true, progress }));
      setResume({ busy: false });
      done(response);
    } catch (err) {
      setResume({ busy: false, error: err });
    }
  };

  const discardDraft = async () => {
    await drafts.remove(sectionId).catch(() => undefined);
    setDraft(undefined);
    setResume({ busy: false });
  };

  if (req.error) {
    const notObtained = req.error instanceof ApiError && req.error.status === 403;
    return notObtained ? (
      <Alert type="info" showIcon title={t(`${biddingWords(documentKind === 'prequalification' ? 'application' : 'bid')}.obtainFirst`)} data-testid="bidding-obtain-first" />
    ) : (
      <LoadError error={req.error} onRetry={() => void req.reload()} />
    );
  }
  if (!r) return <Skeleton active />;
  // The sitting open now takes its submissions under the other document.
  if (r.document.kind !== documentKind) return <Alert type="info" showIcon title={t(`bidding.otherSitting.${r.sitting}`)} data-testid="bidding-other-sitting" data-sitting={r.sitting} />;
  const w = biddingWords(r.sitting);
  const application = r.sitting === 'application';
  // An application's document may define no summary items.
  const hasFields = r.document.bidSummaryFields.length > 0;

  // No bond is asked for an application (decision 0023).
  const bondItems = application
    ? []
    : [
        {
          key: 'bond',
          label: t('bidding.req.bond'),
          span: 2,
          children: r.bond.required ? (
            <span data-testid="bid-bond-amount">
              {t('bidding.req.bondAmount', { yuan: r.bond.amountFen ? formatFen(r.bond.amountFen) : '—' })}{' '}
              {r.bond.forms.map((f) => (
                <Tag key={f}>{t(`bidding.bond.forms.${f}`)}</Tag>
              ))}
            </span>
          ) : (
            t('bidding.req.noBond')
          ),
        },
        ...(r.bond.required && r.bond.forms.includes('deposit')
          ? [
              {
                key: 'account',
                label: t('bidding.req.account'),
                span: 2,
                children: account.data ? (
                  <span data-testid="bid-bond-account">
                    <BankOutlined /> <span className="mono">{account.data.accountNumber}</span> · {account.data.accountName} · {account.data.bankName}
                    <Tag className="inline-tag" color={BigInt(account.data.receivedFen) >= BigInt(account.data.requiredFen) ? 'green' : 'orange'}>
                      {t('bidding.req.received', { yuan: formatFen(account.data.receivedFen) })}
                    </Tag>
                  </span>
                ) : (
                  <Button size="small" icon={<BankOutlined />} disabled={closed} onClick={() => void openAccount()} data-testid="bid-bond-account-open">
                    {t('bidding.req.openAccount')}
                  </Button>
                ),
              },
            ]
          : []),
      ];

  // The composer opens by itself only once the bids are known to hold no live one.
  const composing = mode ?? (bids.data && !live ? ({ kind: 'new' } as const) : null);

  return (
    <div data-testid="bidding-tab" data-open={closed ? 'closed' : 'open'} data-sitting={r.sitting}>
      <Card size="small" className="bidder-card" title={t(`${w}.req.title`)} data-testid="bid-requirements">
        <Row gutter={[16, 8]} align="middle" className="bid-deadline-row">
          <Col flex="auto">
            <Space wrap>
              <ClockCircleOutlined />
              <span>{t(`${w}.req.deadline`)}</span>
              <strong data-testid="bid-deadline">{formatTime(r.bidDeadline, true)}</strong>
            </Space>
          </Col>
          <Col>
            <Countdown deadline={r.bidDeadline} testId="bidding-countdown" />
          </Col>
        </Row>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'doc', label: t(`${w}.req.document`), children: t('bidding.req.documentVersion', { version: r.document.version }) },
            { key: 'round', label: t('bidding.req.round'), children: r.round },
            ...bondItems,
            {
              key: 'custodians',
              label: t(`${w}.req.custodians`),
              span: 2,
              children: (
                <span>
                  {t(`${w}.req.threshold`, { k: r.sealing.threshold, n: r.sealing.custodians.length })}{' '}
                  {r.sealing.custodians.map((c) => (
                    <Tag key={c.keyId}>{c.label}</Tag>
                  ))}
                </span>
              ),
            },
          ]}
        />
        {r.document.requirements.length > 0 && (
          <Descriptions
            size="small"
            className="bid-req-instructions"
            title={t(`${w}.req.instructions`)}
            column={{ xs: 1, md: 3 }}
            items={r.document.requirements.map((x) => ({ key: `req-${x.key}`, label: x.label, children: x.value ?? '—' }))}
          />
        )}
        <Row gutter={16} className="bid-req-tables">
          <Col xs={24} lg={hasFields ? 14 : 24}>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              title={() => t(`${w}.req.parts`)}
              dataSource={r.document.parts}
              columns={[
                { title: t('bidding.req.part'), dataIndex: 'name' },
                { title: t('bidding.req.fileTypes'), render: (_, p) => p.fileTypes.join(' / ').toUpperCase() },
                { title: t('bidding.req.limit'), render: (_, p) => t('bidding.req.maxSize', { n: p.maxSizeMiB }) },
                { title: '', render: (_, p) => (p.required ? <Tag color="red">{t('bidding.req.required')}</Tag> : <Tag>{t('bidding.req.optional')}</Tag>) },
              ]}
            />
          </Col>
          {hasFields && (
            <Col xs={24} lg={10}>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                title={() => t(`${w}.req.fields`)}
                dataSource={r.document.bidSummaryFields}
                columns={[
                  { title: t('bidding.req.field'), dataIndex: 'label' },
                  { title: t('bidding.req.fieldType'), render: (_, f) => `${t(`bidding.req.types.${f.type}`)}${f.unit && f.type !== 'money' ? `（${f.unit}）` : ''}` },
                  { title: '', render: (_, f) => (f.required ? <Tag color="red">{t('bidding.req.required')}</Tag> : null) },
                ]}
              />
            </Col>
          )}
        </Row>
      </Card>

      {/* The deposits on the sub-account come back on request once no bid of the entity is live here (decision 0033). */}
      {/* The bid bond as an e-guarantee through the one-stop (decision 0037). */}
      {!application && r.bond.required && r.bond.forms.includes('guarantee') && <GuaranteeCard sectionId={sectionId} closed={closed} payerName={user?.entity?.name ?? ''} />}
      {!application && account.data && <BondRefunds sectionId={sectionId} account={account.data} live={!!live} refreshKey={bids.data} />}

      {closed && <Alert type="warning" showIcon className="form-alert" title={t(`${w}.closed`)} data-testid="bidding-closed" />}

      {draft && !closed && (
        <Alert
          type="info"
          showIcon
          icon={<CloudUploadOutlined />}
          className="form-alert"
          data-testid="bid-draft"
          title={t(`${w}.draft.title`, { time: formatTime(draft.sealedAt, true) })}
          description={
            <>
              {t('bidding.draft.hint')}
              {resume.progress && (
                <div className="small">
                  {resume.progress.retrying ? t('bidding.compose.retrying', { n: resume.progress.retrying }) : `${Math.floor((resume.progress.sent / Math.max(1, resume.progress.total)) * 100)}%`}
                </div>
              )}
              <ProblemAlert error={resume.error} testId="bid-draft-error" />
            </>
          }
          action={
            <Space direction="vertical">
              <Button size="small" type="primary" loading={resume.busy} onClick={() => void resumeDraft()} data-testid="bid-draft-resume">
                {t('bidding.draft.resume')}
              </Button>
              <Button size="small" disabled={resume.busy} onClick={() => void discardDraft()}>
                {t('bidding.draft.discard')}
              </Button>
            </Space>
          }
        />
      )}

      {latest && (
        <div className="bid-latest" data-testid="bid-latest">
          <Alert type="success" showIcon className="form-alert" title={t(`${w}.done.${latest.receipt.event}`, { time: formatTime(latest.receipt.receivedAt, true) })} />
          <BidReceiptCard response={latest} sectionName={`${r.sectionCode} ${r.sectionName}`} />
        </div>
      )}

      <Card
        size="small"
        className="bidder-card"
        title={t(`${w}.bids.title`)}
        extra={
          !live && !composing && !closed ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'new' })}>
              {t(`${w}.bids.new`)}
            </Button>
          ) : undefined
        }
      >
        {bids.error ? (
          <LoadError error={bids.error} onRetry={() => void bids.reload()} />
        ) : (
          <MyBids
            bids={mine}
            req={r}
            closed={closed}
            signer={signer}
            onModify={(bid) => setMode({ kind: 'modify', previous: bid })}
            onSupplement={(bid) => setMode({ kind: 'supplement', previous: bid })}
            onChanged={() => {
              void bids.reload();
              setLatest(undefined);
            }}
          />
        )}
        {live && !composing && !signer && !closed && (
          <p className="muted small key-note">{t('bidding.bids.keyForActions')}</p>
        )}
      </Card>

      {composing && (
        <BidComposer
          key={`${composing.kind}-${composing.kind === 'new' ? '' : composing.previous.id}`}
          req={r}
          entityId={user?.entity?.id ?? ''}
          mode={composing}
          closed={closed}
          signer={signer}
          onSigner={onSigner}
          onDone={done}
          onCancel={mode ? () => setMode(null) : undefined}
        />
      )}
      {!composing && live && !closed && (
        <Card size="small" className="bidder-card" title={t('bidding.key.title')}>
          <BidKeyCard signer={signer} onSigner={onSigner} />
        </Card>
      )}
    </div>
  );
}
