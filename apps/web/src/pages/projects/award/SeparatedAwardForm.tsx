import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import type { PublicityView, SeparatedAwardTerms } from '@bidhall/contracts';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatFen } from '../money.ts';
import {
  byRankThenName,
  cleanMembers,
  committeeSizeOk,
  missingVoters,
  separatedInput,
  takesBallots,
  tiedLeaders,
  type RoundDraft,
} from './separatedModel.ts';

type Candidate = PublicityView['candidates'][number];
type Values = { agreed?: string; minutes?: string; reason?: string };

/**
 * 评定分离 (action-plan task 7): the award committee's sitting as the tender document's method wants
 * it — its members (an odd number, at least 5); 票决: one ballot per member per round, a later round
 * among those tied at the top of the one before (offered when the server answers AWARD_VOTE_TIED);
 * 票决抽签: one round, the most voted go to a lot; 集体议事: the agreed candidate with the minutes;
 * 价格竞争: nothing to enter, the lowest read-out price wins. The reasons are published.
 */
export function SeparatedAwardForm({
  sectionId,
  terms,
  candidates,
  onRecorded,
}: {
  sectionId: string;
  terms: SeparatedAwardTerms;
  candidates: Candidate[];
  onRecorded: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sorted = useMemo(() => byRankThenName(candidates), [candidates]);
  const names = useMemo(() => new Map(candidates.map((c) => [c.bidId, c.entityName])), [candidates]);
  const [members, setMembers] = useState<string[]>([]);
  const [rounds, setRounds] = useState<RoundDraft[]>(() => [{ candidates: sorted.map((c) => c.bidId), votes: {} }]);
  const [tie, setTie] = useState<{ round: number; leaders: string[] } | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const method = terms.method;
  const ballots = takesBallots(method);
  const shown = method === 'voteThenLot' ? rounds.slice(0, 1) : rounds;
  const nameList = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join('、');

  const sizeOk = committeeSizeOk(members);
  const missing = ballots ? shown.map((r) => missingVoters(members, r).length) : [];
  const problems = [
    ...(sizeOk ? [] : [t('award.separated.membersRequired')]),
    ...missing.flatMap((count, i) =>
      count > 0 && members.length > 0 ? [t('award.separated.votesMissing', { n: i + 1, count })] : [],
    ),
  ];

  const vote = (i: number, voter: string, bidId: string | undefined) => {
    // A changed ballot changes the count: the rounds after it no longer follow from it.
    setRounds((rs) => [...rs.slice(0, i), { ...rs[i]!, votes: { ...rs[i]!.votes, [voter]: bidId } }]);
    setTie(null);
  };

  const addRound = () => {
    if (!tie) return;
    setRounds((rs) => [...rs.slice(0, tie.round), { candidates: tie.leaders, votes: {} }]);
    setTie(null);
    setError(undefined);
  };

  const removeRound = (i: number) => {
    setRounds((rs) => rs.slice(0, i));
    setTie(null);
  };

  const record = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = separatedInput(method, members, shown, { bidId: v.agreed, minutes: v.minutes }, v.reason ?? '');
      await awardApi.recordSeparated(sectionId, input);
      message.success(t('award.separated.done'));
      await onRecorded();
    } catch (err) {
      const leaders = tiedLeaders(err);
      if (leaders) setTie({ round: shown.length, leaders });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setAttempted(true);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form marks the fields
    }
    if (problems.length > 0) return;
    modal.confirm({
      title: t('award.separated.submit'),
      content: t('award.separated.confirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => record(v),
    });
  };

  const candidateOptions = (ids: string[]) =>
    ids.map((id) => {
      const c = candidates.find((x) => x.bidId === id);
      return { value: id, label: c ? `${c.entityName} · ${formatFen(c.priceFen)}` : id };
    });

  return (
    <div data-testid="separated-award-form" data-method={method}>
      <Alert
        type="info"
        showIcon
        className="form-alert"
        title={
          <Space wrap>
            {t('award.separated.method')}
            <Tag color="blue" data-testid="separated-method">
              {t(`award.separated.methods.${method}`)}
            </Tag>
          </Space>
        }
        description={t(`award.separated.methodHints.${method}`, { shortlist: terms.shortlist ?? 2 })}
      />
      <Form<Values> form={form} layout="vertical" disabled={busy}>
        <Form.Item
          label={
            <Space>
              {t('award.separated.members')}
              <Tag color={sizeOk ? 'success' : members.length ? 'error' : 'default'} data-testid="separated-members-count">
                {t('award.separated.membersCount', { count: members.length })}
              </Tag>
            </Space>
          }
          extra={t('award.separated.membersRule')}
          validateStatus={attempted && !sizeOk ? 'error' : undefined}
          help={attempted && !sizeOk ? t('award.separated.membersRequired') : undefined}
          required
        >
          <Select
            mode="tags"
            value={members}
            onChange={(v: string[]) => setMembers(cleanMembers(v))}
            tokenSeparators={[',', '，', '、', ';', '；']}
            open={false}
            suffixIcon={null}
            placeholder={t('award.separated.membersPlaceholder')}
            style={{ maxWidth: 720 }}
            data-testid="separated-members"
          />
        </Form.Item>

        {ballots && (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {method === 'voteThenLot' && (
              <Alert type="warning" showIcon title={t('award.separated.shortlist', { count: terms.shortlist ?? 2 })} />
            )}
            {shown.map((r, i) => (
              <Card
                key={i}
                size="small"
                title={t('award.separated.round', { n: i + 1 })}
                extra={
                  i > 0 &&
                  i === shown.length - 1 && (
                    <Button size="small" type="link" danger onClick={() => removeRound(i)} data-testid="separated-remove-round">
                      {t('award.separated.removeRound')}
                    </Button>
                  )
                }
                data-testid={`separated-round-${i + 1}`}
              >
                {i > 0 && (
                  <div className="muted small card-lead">
                    {t('award.separated.roundAmong', { names: nameList(r.candidates) })}
                  </div>
                )}
                <Table<{ voter: string }>
                  size="small"
                  rowKey="voter"
                  pagination={false}
                  dataSource={members.map((voter) => ({ voter }))}
                  locale={{ emptyText: t('award.separated.noMembers') }}
                  columns={[
                    { key: 'voter', title: t('award.separated.voter'), dataIndex: 'voter', width: 200 },
                    {
                      key: 'vote',
                      title: t('award.separated.vote'),
                      render: (_, row) => (
                        <Select
                          value={r.votes[row.voter]}
                          onChange={(v: string | undefined) => vote(i, row.voter, v)}
                          allowClear
                          placeholder={t('award.separated.votePlaceholder')}
                          options={candidateOptions(r.candidates)}
                          status={attempted && !r.votes[row.voter] ? 'error' : undefined}
                          style={{ width: '100%', maxWidth: 480 }}
                          data-testid="separated-ballot"
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            ))}
            {tie && (
              <Alert
                type="warning"
                showIcon
                title={t('award.separated.tied', { n: tie.round, names: nameList(tie.leaders) })}
                action={
                  <Button icon={<PlusOutlined />} onClick={addRound} data-testid="separated-add-round">
                    {t('award.separated.addRound')}
                  </Button>
                }
                data-testid="separated-tied"
              />
            )}
          </Space>
        )}

        {method === 'deliberation' && (
          <>
            <Form.Item
              name="agreed"
              label={t('award.separated.agreed')}
              rules={[{ required: true, message: t('award.separated.agreedRequired') }]}
            >
              <Select
                placeholder={t('award.decision.candidatePlaceholder')}
                options={candidateOptions(sorted.map((c) => c.bidId))}
                style={{ maxWidth: 560 }}
                data-testid="separated-agreed"
              />
            </Form.Item>
            <Form.Item
              name="minutes"
              label={t('award.separated.minutes')}
              rules={[{ required: true, whitespace: true, message: t('award.separated.minutesRequired') }, { max: 5000 }]}
            >
              <Input.TextArea rows={5} maxLength={5000} showCount data-testid="separated-minutes" />
            </Form.Item>
          </>
        )}

        <Form.Item
          name="reason"
          label={t('award.separated.reason')}
          extra={t('award.separated.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('award.separated.reasonRequired') }, { max: 2000 }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="separated-reason" />
        </Form.Item>
        {attempted && problems.length > 0 && (
          <Alert type="error" showIcon className="form-alert" title={problems.join('；')} data-testid="separated-problems" />
        )}
        <Button
          type="primary"
          icon={<TrophyOutlined />}
          loading={busy}
          onClick={() => void confirm()}
          data-testid="separated-submit"
        >
          {t('award.separated.submit')}
        </Button>
      </Form>
      <ProblemAlert error={error} testId="separated-error" />
    </div>
  );
}
