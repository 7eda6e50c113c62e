import { TrophyOutlined } from '@ant-design/icons';
import { PASSED_OVER_GROUNDS, type AwardDecisionInput, type PublicityView } from '@bidhall/contracts';
import { App, Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatFen } from '../money.ts';
import { choiceNeeds } from './awardStates.ts';
import { byRankThenName } from './separatedModel.ts';

type Values = { bidId: string; reason?: string; passedOver?: AwardDecisionInput['passedOver'] };

/**
 * 确定中标人: one of the published candidates, the first-ranked by default. Another candidate
 * needs reasons; where the first-ranked must win (B-027, or the committee decides) also the lawful
 * ground on which those ranked before it are passed over (Reg. 55).
 */
export function DecisionForm({
  sectionId,
  candidates,
  firstRankedOnly,
  onDecided,
}: {
  sectionId: string;
  candidates: PublicityView['candidates'];
  firstRankedOnly: boolean;
  onDecided: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const first = candidates.find((c) => c.rank === 1) ?? candidates[0];
  const bidId = Form.useWatch('bidId', form) ?? first?.bidId;
  // An unranked candidate (rank null, 评定分离) is never "later than the first".
  const needs = choiceNeeds(candidates.find((c) => c.bidId === bidId)?.rank ?? undefined, firstRankedOnly);
  const options = useMemo(() => byRankThenName(candidates), [candidates]);

  const decide = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const passedOver = needs.passedOver ? v.passedOver : undefined;
      await awardApi.decide(sectionId, {
        bidId: v.bidId,
        reason: (v.reason ?? '').trim(),
        ...(passedOver ? { passedOver } : {}),
      });
      message.success(t('award.decision.done'));
      await onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form marks the fields
    }
    modal.confirm({
      title: t('award.decision.submit'),
      content: t('award.decision.confirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => decide(v),
    });
  };

  return (
    <div data-testid="decision-form">
      <Form<Values> form={form} layout="vertical" initialValues={{ bidId: first?.bidId }} disabled={busy}>
        <Form.Item name="bidId" label={t('award.decision.candidate')} rules={[{ required: true }]}>
          <Select
            placeholder={t('award.decision.candidatePlaceholder')}
            options={options.map((c) => ({
              value: c.bidId,
              label: `${c.rank === null ? t('award.separated.unranked') : t('award.decision.rankN', { rank: c.rank })} · ${c.entityName} · ${formatFen(c.priceFen)}`,
            }))}
            style={{ maxWidth: 560 }}
            data-testid="decision-candidate"
          />
        </Form.Item>
        {needs.passedOver && (
          <Form.Item
            name="passedOver"
            label={t('award.decision.passedOver')}
            rules={[{ required: true, message: t('award.decision.passedOverRequired') }]}
          >
            <Select
              options={PASSED_OVER_GROUNDS.map((g) => ({ value: g, label: t(`award.decision.grounds.${g}`) }))}
              style={{ maxWidth: 560 }}
              data-testid="decision-passed-over"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('award.decision.reason')}
          extra={needs.reason ? t('award.decision.reasonHint') : t('award.decision.reasonOptional')}
          rules={[{ required: needs.reason, whitespace: true, message: t('award.decision.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="decision-reason" />
        </Form.Item>
        <Button
          type="primary"
          icon={<TrophyOutlined />}
          loading={busy}
          onClick={() => void confirm()}
          data-testid="decision-submit"
        >
          {t('award.decision.submit')}
        </Button>
      </Form>
      <ProblemAlert error={error} testId="decision-error" />
    </div>
  );
}
