import type { ContractView } from '@bidhall/contracts';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { formatFen } from '../money.ts';
import { DueStatus } from './DueStatus.tsx';

/** The contract as it will be signed: parties and price from the award, the bid's offer, the document's terms, the clauses, its SM3. */
export function ContractContentView({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const c = contract.content;
  const signature = (side: 'tenderer' | 'winner') => {
    const s = contract.signatures.find((x) => x.side === side);
    return s ? (
      <Tag color="green" data-testid={`contract-signed-${side}`}>
        {t('contract.fields.signedAt', { name: s.entityName, time: formatTime(s.signedAt) })}
      </Tag>
    ) : (
      <Tag data-testid={`contract-unsigned-${side}`}>{t('contract.fields.unsigned')}</Tag>
    );
  };
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="contract-content"
      items={[
        {
          key: 'title',
          label: t('contract.fields.title'),
          span: 2,
          children: <strong data-testid="contract-title">{c.title}</strong>,
        },
        { key: 'tenderer', label: t('contract.fields.tenderer'), children: c.tenderer.name },
        {
          key: 'winner',
          label: t('contract.fields.winner'),
          children: <span data-testid="contract-winner">{c.winner.name}</span>,
        },
        {
          key: 'price',
          label: t('contract.fields.price'),
          children: (
            <span>
              <span className="mono" data-testid="contract-price">
                {formatFen(c.priceFen)}
              </span>
              <span className="muted small"> · {t('contract.fields.priceSource')}</span>
            </span>
          ),
        },
        {
          key: 'duration',
          label: t('contract.fields.duration'),
          children: c.durationDays ? t('contract.fields.durationDays', { days: c.durationDays }) : '—',
        },
        { key: 'quality', label: t('contract.fields.quality'), children: c.quality ?? '—' },
        { key: 'manager', label: t('contract.fields.manager'), children: c.projectManager || '—' },
        {
          key: 'document',
          label: t('contract.fields.document'),
          span: 2,
          children: c.document ? (
            <span>
              {t('contract.fields.documentVersion', { version: c.document.version })}{' '}
              <Typography.Text className="mono small" copyable={{ text: c.document.contentSm3 }}>
                SM3 {c.document.contentSm3.slice(0, 16)}…
              </Typography.Text>
            </span>
          ) : (
            '—'
          ),
        },
        ...(c.terms.paymentTerms
          ? [
              {
                key: 'payment',
                label: t('contract.fields.paymentTerms'),
                span: 2,
                children: <div className="pre-wrap">{c.terms.paymentTerms}</div>,
              },
            ]
          : []),
        ...(c.terms.specialTerms
          ? [
              {
                key: 'special',
                label: t('contract.fields.specialTerms'),
                span: 2,
                children: <div className="pre-wrap">{c.terms.specialTerms}</div>,
              },
            ]
          : []),
        ...c.clauses.map((x, i) => ({
          key: `clause-${i}`,
          label: x.title,
          span: 2,
          children: <div className="pre-wrap">{x.text}</div>,
        })),
        { key: 'awardNotice', label: t('contract.awardNoticeAt'), children: formatTime(contract.awardNoticeAt) },
        {
          key: 'due',
          label: t('contract.due.label'),
          children: <DueStatus dueDate={contract.dueDate} concludedAt={contract.concludedAt} />,
        },
        {
          key: 'sm3',
          label: t('contract.fields.sm3'),
          span: 2,
          children: (
            <Space wrap>
              <Typography.Text className="mono break small" copyable data-testid="contract-sm3">
                {contract.contentSm3}
              </Typography.Text>
              <Tag>{t('contract.fields.version', { version: contract.version })}</Tag>
            </Space>
          ),
        },
        {
          key: 'verified',
          label: t('contract.fields.verifiedBy'),
          span: 2,
          children: contract.verifiedAt ? (
            <span data-testid="contract-verified-by">
              {t('contract.fields.verifiedByText', { name: contract.verifierName ?? '', time: formatTime(contract.verifiedAt) })}
            </span>
          ) : (
            '—'
          ),
        },
        {
          key: 'signatures',
          label: t('contract.fields.signatures'),
          span: 2,
          children: (
            <Space wrap>
              {signature('tenderer')}
              {signature('winner')}
            </Space>
          ),
        },
      ]}
    />
  );
}
