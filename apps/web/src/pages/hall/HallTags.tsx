import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallBid, Sitting, UnsealStatus } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { hallWords } from './sitting.ts';

export const UNSEAL_COLOURS: Record<UnsealStatus, string> = { sealed: 'default', unsealed: 'success', failed: 'error', remedied: 'cyan' };

/** 未解密 (an application: 未启封, A-118) / 解密成功 / 解密失败 with what the failure led to (E-bidding Measures art. 31) and why. */
export function UnsealTag({ bid, sitting }: { bid: HallBid; sitting: Sitting }) {
  const { t } = useTranslation();
  const w = hallWords(sitting);
  const { status, at, code, reason, outcome } = bid.unseal;
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={UNSEAL_COLOURS[status]} data-testid="hall-unseal-status" data-status={status} data-entity={bid.entityName}>
        {t(`${w}.unsealStatus.${status}`)}
      </Tag>
      {status !== 'sealed' && at && <span className="small muted">{formatTime(at, true)}</span>}
      {outcome && (
        <span className="small" data-testid="hall-unseal-outcome" data-outcome={outcome}>
          {t(`${w}.outcome.${outcome}`)}
        </span>
      )}
      {/* Why, in the reader's words from the code; the server's detail (which part) on hover. */}
      {(status === 'failed' || status === 'remedied') && (code || reason) && (
        <span className="small muted hall-reason" data-testid="hall-unseal-reason" data-code={code ?? ''} title={reason ?? undefined}>
          {t('hall.reason', { reason: code ? t(`${w}.failureCode.${code}`) : reason })}
        </span>
      )}
    </Space>
  );
}

const FORMS = ['deposit', 'guarantee'] as const;
const STATUSES = ['ok', 'missing', 'short', 'late', 'notRequired', 'invalid'] as const;
const STATUS_COLOURS: Record<(typeof STATUSES)[number], string> = { ok: 'success', notRequired: 'default', missing: 'error', short: 'error', late: 'error', invalid: 'error' };
const isForm = (v: string | null): v is (typeof FORMS)[number] => (FORMS as readonly (string | null)[]).includes(v);
const isStatus = (v: string | null): v is (typeof STATUSES)[number] => (STATUSES as readonly (string | null)[]).includes(v);

/** The bid bond as bidding checked it at submission: its form and its status. */
export function BondTag({ form, status }: { form: string | null; status: string | null }) {
  const { t } = useTranslation();
  if (!form && !status) return <span className="muted">{t('hall.bond.none')}</span>;
  return (
    <Space size={4} wrap data-testid="hall-bond" data-status={status ?? ''}>
      {form && <span className="small">{isForm(form) ? t(`bidding.bond.forms.${form}`) : form}</span>}
      {status && <Tag color={isStatus(status) ? STATUS_COLOURS[status] : 'default'}>{isStatus(status) ? t(`bidding.bond.status.${status}`) : status}</Tag>}
    </Space>
  );
}
