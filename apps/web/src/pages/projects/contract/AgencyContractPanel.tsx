import { agencyContractOpinionText } from '@bidhall/contracts';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Modal, Radio, Skeleton, Space, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { projectsApi, type AgencyContract } from '../../../api/projects.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ContractStatusTag } from '../tags.tsx';
import { RoundHistory } from './RoundHistory.tsx';
import type { SignModalProps } from './SignModal.tsx';

// The signing modal brings the crypto code: loaded when first opened.
const SignModal = lazy(() => import('./SignModal.tsx'));

interface Props {
  tenderingProjectId: string;
  /** The contract, when known (the URL remembers it). */
  contractId: string | undefined;
  onContractId: (id: string) => void;
  hasAgency: boolean;
}

type TextModal = { kind: 'create' } | { kind: 'draft' } | { kind: 'round' };

/**
 * The agency contract (A-42…A-44): drafted by either side, then negotiated in rounds — each a full
 * text — where each side signs an opinion on the latest round; once both accept the same round, each
 * side e-signs the agreed text with its certificate.
 */
export function AgencyContractPanel({ tenderingProjectId, contractId, onContractId, hasAgency }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const contract = useLoader(() => (contractId ? projectsApi.agencyContract(contractId) : Promise.resolve(undefined)), [contractId]);
  const [textModal, setTextModal] = useState<TextModal>();
  const [opinionOpen, setOpinionOpen] = useState(false);
  const [signing, setSigning] = useState<Omit<SignModalProps, 'onClose'>>();
  const [error, setError] = useState<unknown>();

  if (!hasAgency) return <Empty description={t('projects.mandate.notApplicable')} />;
  if (contract.error && !contract.data) return <LoadError error={contract.error} onRetry={() => void contract.reload()} />;
  if (contractId && !contract.data) return <Skeleton active />;

  const c = contract.data;
  const entityId = user?.entity?.id;
  const side = c ? (entityId === c.tendererEntityId ? 'tenderer' : entityId === c.agencyEntityId ? 'agency' : null) : null;
  const latest = c?.rounds.at(-1);
  const myOpinion = latest?.opinions.find((o) => o.side === side);
  const mySignature = c?.signatures.find((s) => s.side === side);
  const updated = (next: AgencyContract, note: string) => {
    message.success(note);
    onContractId(next.id);
    void contract.reload();
  };

  const submitDraft = () =>
    c &&
    Modal.confirm({
      title: t('projects.contract.submitDraft'),
      content: t('projects.contract.submitDraftConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          updated(await projectsApi.submitAgencyContract(c.id), t('projects.contract.roundProposed'));
        } catch (err) {
          setError(err);
        }
      },
    });

  const openOpinion = (values: { accept: boolean; opinion: string }) => {
    if (!c || !latest) return;
    const opinion = values.opinion.trim();
    setOpinionOpen(false);
    setSigning({
      title: t('projects.contract.opinionGive'),
      content: agencyContractOpinionText({ contractId: c.id, round: latest.round, textSm3: latest.textSm3, accept: values.accept, opinion }),
      onSigned: async (signature) => {
        updated(await projectsApi.giveOpinion(c.id, { round: latest.round, accept: values.accept, opinion, signature }), t('projects.contract.opinionGiven'));
        setSigning(undefined);
      },
    });
  };

  const agreed = c?.rounds.find((r) => r.round === c.agreedRound);
  const openSign = () =>
    c &&
    agreed &&
    setSigning({
      title: t('projects.contract.sign'),
      content: agreed.text,
      onSigned: async (signature) => {
        updated(await projectsApi.signAgencyContract(c.id, signature), t('projects.contract.signed'));
        setSigning(undefined);
      },
    });

  return (
    <div data-testid="agency-contract">
      <ProblemAlert error={error} />
      {!c ? (
        <Empty description={t('projects.contract.none')}>
          <Button type="primary" onClick={() => setTextModal({ kind: 'create' })} data-testid="contract-create">
            {t('projects.contract.create')}
          </Button>
        </Empty>
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            title={c.title}
            extra={<ContractStatusTag status={c.status} />}
            items={[
              { key: 'createdBy', label: t('projects.contract.proposedBy'), children: t(`projects.side.${c.createdBy}`) },
              { key: 'createdAt', label: t('projects.contract.proposedAt'), children: formatTime(c.createdAt) },
              ...(c.agreedRound ? [{ key: 'agreed', label: t('projects.contract.status'), children: t('projects.contract.agreedRound', { round: c.agreedRound }) }] : []),
            ]}
          />
          {side && c.status === 'negotiating' && latest && !myOpinion && (
            <Alert type="info" showIcon className="form-alert" title={t('projects.contract.yourTurn', { round: latest.round })} />
          )}
          {side && (
            <Space wrap className="contract-actions">
              {c.status === 'draft' && side === c.createdBy && (
                <>
                  <Button onClick={() => setTextModal({ kind: 'draft' })}>{t('projects.edit')}</Button>
                  <Button type="primary" onClick={submitDraft} data-testid="contract-submit">
                    {t('projects.contract.submitDraft')}
                  </Button>
                </>
              )}
              {c.status === 'negotiating' && (
                <>
                  <Button onClick={() => setTextModal({ kind: 'round' })} data-testid="contract-new-round">
                    {t('projects.contract.newRound')}
                  </Button>
                  <Button type="primary" disabled={Boolean(myOpinion)} onClick={() => setOpinionOpen(true)} data-testid="contract-opinion">
                    {t('projects.contract.opinionGive')}
                  </Button>
                </>
              )}
              {c.status === 'agreed' && (
                <Button type="primary" disabled={Boolean(mySignature)} onClick={openSign} data-testid="contract-sign">
                  {mySignature ? t('projects.contract.alreadySigned') : t('projects.contract.sign')}
                </Button>
              )}
            </Space>
          )}
          {c.status === 'draft' ? <pre className="contract-text">{c.text}</pre> : <RoundHistory contract={c} />}
          {c.signatures.length > 0 && (
            <Table
              className="confirm-block"
              size="small"
              rowKey="side"
              pagination={false}
              title={() => <strong>{t('projects.contract.signatures')}</strong>}
              dataSource={c.signatures}
              columns={[
                { title: t('projects.contract.proposedBy'), dataIndex: 'side', render: (s: 'tenderer' | 'agency') => t(`projects.side.${s}`) },
                { title: t('projects.contract.signer'), dataIndex: 'subject' },
                { title: t('projects.contract.fingerprint'), dataIndex: 'fingerprint', render: (v: string) => <span className="mono small">{v.slice(0, 16)}…</span> },
                { title: t('projects.contract.signedAt'), dataIndex: 'signedAt', render: (v: string) => formatTime(v) },
              ]}
            />
          )}
        </>
      )}
      {textModal && (
        <ContractTextModal
          mode={textModal.kind}
          initial={textModal.kind === 'create' ? undefined : { title: c?.title ?? '', text: c?.text ?? '' }}
          onClose={() => setTextModal(undefined)}
          onSave={async (v) => {
            if (textModal.kind === 'create') {
              try {
                updated(await projectsApi.createAgencyContract({ tenderingProjectId, title: v.title, text: v.text }), t('projects.contract.created'));
              } catch (err) {
                // The tendering project has one already: open it.
                const id = err instanceof ApiError ? err.details.id : undefined;
                if (typeof id === 'string') onContractId(id);
                else throw err;
              }
            } else if (textModal.kind === 'draft' && c) {
              updated(await projectsApi.patchAgencyContract(c.id, { title: v.title, text: v.text }), t('projects.contract.draftSaved'));
            } else if (c) {
              updated(await projectsApi.proposeRound(c.id, { text: v.text, note: v.note ?? '' }), t('projects.contract.roundProposed'));
            }
            setTextModal(undefined);
          }}
        />
      )}
      {opinionOpen && latest && (
        <OpinionModal round={latest.round} onClose={() => setOpinionOpen(false)} onNext={openOpinion} />
      )}
      {signing && (
        <Suspense fallback={null}>
          <SignModal {...signing} onClose={() => setSigning(undefined)} />
        </Suspense>
      )}
    </div>
  );
}

function ContractTextModal({
  mode,
  initial,
  onClose,
  onSave,
}: {
  mode: 'create' | 'draft' | 'round';
  initial: { title: string; text: string } | undefined;
  onClose: () => void;
  onSave: (v: { title: string; text: string; note?: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; text: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const required = { required: true, whitespace: true, message: t('projects.entry.required') };
  const ok = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(values);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title={t(mode === 'round' ? 'projects.contract.newRound' : 'projects.contract.create')}
      okText={t(mode === 'round' ? 'projects.contract.newRoundSubmit' : 'common.save')}
      onOk={() => void ok()}
      confirmLoading={busy}
      onCancel={onClose}
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial}>
        {mode !== 'round' && (
          <Form.Item name="title" label={t('projects.contract.contractTitle')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} data-testid="contract-title" />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('projects.contract.text')} rules={[required, { max: 200000 }]}>
          <Input.TextArea rows={14} data-testid="contract-text" />
        </Form.Item>
        {mode === 'round' && (
          <Form.Item name="note" label={t('projects.contract.note')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function OpinionModal({ round, onClose, onNext }: { round: number; onClose: () => void; onNext: (v: { accept: boolean; opinion: string }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ accept: boolean; opinion: string }>();
  return (
    <Modal
      open
      title={`${t('projects.contract.opinionGive')} · ${t('projects.round', { round })}`}
      okText={t('common.next')}
      onOk={() => void form.validateFields().then(onNext)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ accept: true, opinion: '' }}>
        <Form.Item name="accept" label={t('projects.contract.opinion')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('projects.contract.accept') },
              { value: false, label: t('projects.contract.disagree') },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={t('projects.contract.opinionPlaceholder')} data-testid="contract-opinion-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
