import { DeleteOutlined, InboxOutlined, LockOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { residentIdProblem, type BidView } from '@bidhall/contracts';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Progress, Radio, Row, Select, Space, Tag, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BiddingRequirements, BidReceiptResponse } from '../../../api/bidding.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import type { BidSigner } from './bidKey.ts';
import { BidKeyCard } from './BidKeyCard.tsx';
import { drafts, submitted, type SealedDraft } from './localStore.ts';
import { formatFen, yuanToFen } from './money.ts';
import type { BidSummaryPayload, SealProgress } from './sealing.ts';
import { biddingWords } from './sittingWords.ts';
import { uploadAndSubmit, type UploadProgress } from './submitDraft.ts';

const MIB = 1024 * 1024;
const MAX_FILES_PER_PART = 20;

export type ComposeMode = { kind: 'new' } | { kind: 'modify' | 'supplement'; previous: BidView };

interface PersonValues {
  name?: string;
  residentId?: string;
  role?: string;
}

export interface ComposerValues {
  fields: Record<string, string | number | undefined>;
  projectManager: PersonValues;
  team: PersonValues[];
  bondForm?: 'deposit' | 'guarantee';
  bondReference?: string;
}

const ext = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase().replace(/^jpeg$/, 'jpg');
const sizeText = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

type Phase = { step: 'sealing'; progress: SealProgress } | { step: 'uploading'; progress: UploadProgress } | { step: 'submitting' };

/**
 * The bid composer: the bidSummary fields the document defines (money in yuan, kept as integer
 * fen), the project manager and team with resident ID numbers, the bond, the files per document part;
 * sealed in this browser with the bidder's key (§5), uploaded resumably (tus) and submitted. A
 * prequalification application (decision 0023) is composed the same way, in its own words and with no bond.
 */
export function BidComposer({
  req,
  entityId,
  mode,
  closed,
  signer,
  onSigner,
  onDone,
  onCancel,
}: {
  req: BiddingRequirements;
  /** The bidder's entity (the manifest's bidderId). */
  entityId: string;
  mode: ComposeMode;
  closed: boolean;
  signer: BidSigner | null;
  onSigner: (s: BidSigner | null) => void;
  onDone: (r: BidReceiptResponse) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [form] = Form.useForm<ComposerValues>();
  const [files, setFiles] = useState<Record<string, File[]>>({});
  const [phase, setPhase] = useState<Phase>();
  const [error, setError] = useState<unknown>();
  const previous = mode.kind === 'new' ? undefined : mode.previous;
  const w = biddingWords(req.sitting);
  // No bond is asked for an application; the server says so too (bond.required false).
  const bondAsked = req.bond.required && req.sitting !== 'application';
  const record = previous ? submitted.get(previous.id) : undefined;
  const keepable = useMemo(
    () => (mode.kind === 'supplement' ? (record?.signedManifest.manifest.parts ?? []).filter((p) => p.role === 'file') : []),
    [mode.kind, record],
  );
  const kept = keepable.filter((p) => !(files[p.partKey ?? '']?.length));
  const initialValues: ComposerValues = useMemo(
    () =>
      (record?.values as ComposerValues | undefined) ?? {
        fields: Object.fromEntries(req.document.bidSummaryFields.map((f) => [f.key, f.type === 'select' ? f.options?.[0] : undefined])),
        projectManager: {},
        team: [],
        ...(bondAsked ? { bondForm: req.bond.forms[0] } : {}),
      },
    [record, req, bondAsked],
  );

  const addFile = (partKey: string, file: File) => {
    const part = req.document.parts.find((p) => p.key === partKey)!;
    if (!(part.fileTypes as string[]).includes(ext(file.name))) {
      message.error(t('bidding.compose.wrongType', { name: file.name, part: part.name, types: part.fileTypes.join(', ') }));
      return false;
    }
    setFiles((prev) => {
      const list = (prev[partKey] ?? []).filter((f) => f.name !== file.name);
      const total = [...list, file].reduce((s, f) => s + f.size, 0);
      if (total > part.maxSizeMiB * MIB) {
        message.error(t('bidding.compose.tooLarge', { part: part.name, max: part.maxSizeMiB }));
        return prev;
      }
      if (list.length >= MAX_FILES_PER_PART) {
        message.error(t('bidding.compose.tooMany', { part: part.name, max: MAX_FILES_PER_PART }));
        return prev;
      }
      return { ...prev, [partKey]: [...list, file] };
    });
    return false;
  };

  const residentIdRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const problem = residentIdProblem(value.trim().toUpperCase());
      if (problem) throw new Error(t(`bidding.compose.residentId.${problem}`));
    },
  };

  const seal = async () => {
    setError(undefined);
    let values: ComposerValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t('bidding.compose.fixForm'));
      return;
    }
    const missing = req.document.parts.filter((p) => p.required && !(files[p.key]?.length) && !kept.some((k) => k.partKey === p.key));
    if (missing.length) {
      message.error(t('bidding.compose.missingParts', { parts: missing.map((p) => p.name).join('、') }));
      return;
    }
    if (!signer) {
      message.error(t('bidding.compose.needKey'));
      return;
    }
    const fields: BidSummaryPayload['fields'] = {};
    for (const f of req.document.bidSummaryFields) {
      const v = values.fields?.[f.key];
      if (v === undefined || v === null || v === '') continue;
      if (f.type === 'money') {
        const r = yuanToFen(String(v));
        if ('fen' in r) fields[f.key] = r.fen;
      } else if (f.type === 'integer') fields[f.key] = Number(v);
      else fields[f.key] = String(v).trim();
    }
    const person = (p: PersonValues) => ({
      name: (p.name ?? '').trim(),
      residentId: (p.residentId ?? '').trim().toUpperCase(),
      ...(p.role?.trim() ? { role: p.role.trim() } : {}),
    });
    const bond = bondAsked && values.bondForm
      ? { form: values.bondForm, ...(values.bondReference?.trim() ? { reference: values.bondReference.trim() } : {}) }
      : undefined;
    const summary: BidSummaryPayload = {
      format: 'bidhall-bid-summary/1',
      sectionId: req.sectionId,
      fields,
      projectManager: values.projectManager?.name ? person(values.projectManager) : null,
      team: (values.team ?? []).filter((m) => m?.name).map(person),
      bond: bond ? { form: bond.form, reference: bond.reference ?? null } : null,
    };
    let draft: SealedDraft;
    try {
      setPhase({ step: 'sealing', progress: { done: 0, total: 1, current: '' } });
      const { sealBid } = await import('./sealing.ts');
      draft = await sealBid({
        req,
        signer,
        entityId,
        summary,
        files: Object.entries(files).flatMap(([partKey, list]) => list.map((file) => ({ partKey, file }))),
        keep: kept,
        ...(bond ? { bond } : {}),
        ...(previous ? { replaces: previous.id } : {}),
        now: now(),
        onProgress: (progress) => setPhase({ step: 'sealing', progress }),
      });
      draft.values = values;
      await drafts.put(draft).catch(() => undefined);
    } catch (err) {
      setPhase(undefined);
      setError(err);
      return;
    }
    await send(draft);
  };

  const send = async (draft: SealedDraft) => {
    try {
      setPhase({ step: 'uploading', progress: { sent: 0, total: 1, current: '' } });
      const response = await uploadAndSubmit(draft, (progress) =>
        setPhase(progress.sent >= progress.total && progress.total > 0 ? { step: 'submitting' } : { step: 'uploading', progress }),
      );
      setPhase(undefined);
      onDone(response);
    } catch (err) {
      setPhase(undefined);
      setError(err);
    }
  };

  const busy = phase !== undefined;
  const percent = (a: number, b: number) => (b > 0 ? Math.min(100, Math.floor((a / b) * 100)) : 0);

  return (
    <div data-testid="bid-composer" data-mode={mode.kind} data-sitting={req.sitting}>
      {mode.kind !== 'new' && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t(`${w}.compose.mode.${mode.kind}`)}
          description={mode.kind === 'supplement' ? t('bidding.compose.supplementHint') : t('bidding.compose.modifyHint')}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} disabled={busy || closed} requiredMark>
        {/* An application's document may define no summary items. */}
        {req.document.bidSummaryFields.length > 0 && (
          <Card size="small" className="bidder-card" title={t(`${w}.compose.summary`)}>
            <Row gutter={16}>
              {req.document.bidSummaryFields.map((f) => (
                <Col xs={24} md={12} key={f.key}>
                  {f.type === 'money' ? (
                    <MoneyItem name={['fields', f.key]} label={f.label} required={f.required} />
                  ) : (
                    <Form.Item
                      name={['fields', f.key]}
                      label={f.label}
                      rules={[{ required: f.required, message: t('bidding.compose.required', { label: f.label }) }]}
                    >
                      {f.type === 'integer' ? (
                        <InputNumber min={0} max={999_999_999} precision={0} style={{ width: '100%' }} suffix={f.unit} data-testid={`bid-field-${f.key}`} />
                      ) : f.type === 'select' ? (
                        <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} data-testid={`bid-field-${f.key}`} />
                      ) : (
                        <Input maxLength={500} suffix={f.unit} data-testid={`bid-field-${f.key}`} />
                      )}
                    </Form.Item>
                  )}
                </Col>
              ))}
            </Row>
          </Card>
        )}

        <Card size="small" className="bidder-card" title={t('bidding.compose.team')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name={['projectManager', 'name']}
                label={t('bidding.compose.pmName')}
                rules={[{ required: true, whitespace: true, message: t('bidding.compose.pmRequired') }, { max: 50 }]}
              >
                <Input data-testid="bid-pm-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name={['projectManager', 'residentId']}
                label={t('bidding.compose.residentIdLabel')}
                rules={[{ required: true, message: t('bidding.compose.residentId.required') }, residentIdRule]}
              >
                <Input maxLength={18} className="mono" data-testid="bid-pm-id" />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="team">
            {(fieldsList, { add, remove }) => (
              <>
                {fieldsList.map(({ key, name }) => (
                  <Row gutter={16} key={key} align="top">
                    <Col xs={24} md={8}>
                      <Form.Item name={[name, 'name']} label={t('bidding.compose.memberName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
                        <Input data-testid={`bid-member-name-${name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[name, 'residentId']} label={t('bidding.compose.residentIdLabel')} rules={[{ required: true, message: t('bidding.compose.residentId.required') }, residentIdRule]}>
                        <Input maxLength={18} className="mono" data-testid={`bid-member-id-${name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={5}>
                      <Form.Item name={[name, 'role']} label={t('bidding.compose.memberRole')}>
                        <Input maxLength={30} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      <Form.Item label=" ">
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={t('bidding.compose.removeMember')} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="bid-member-add">
                  {t('bidding.compose.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        {bondAsked && (
          <Card size="small" className="bidder-card" title={t('bidding.compose.bond')}>
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="bondForm" label={t('bidding.compose.bondForm')} rules={[{ required: bondAsked }]}>
                  <Radio.Group
                    options={req.bond.forms.map((f) => ({ value: f, label: t(`bidding.bond.forms.${f}`) }))}
                    data-testid="bid-bond-form"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item noStyle dependencies={['bondForm']}>
                  {({ getFieldValue }) => (
                    <Form.Item
                      name="bondReference"
                      label={t(getFieldValue('bondForm') === 'guarantee' ? 'bidding.compose.guaranteeRef' : 'bidding.compose.depositRef')}
                      rules={[{ required: getFieldValue('bondForm') === 'guarantee', whitespace: true }, { max: 100 }]}
                    >
                      <Input data-testid="bid-bond-reference" />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
            </Row>
          </Card>
        )}

        <Card size="small" className="bidder-card" title={t(`${w}.compose.files`)}>
          <Row gutter={[16, 16]}>
            {req.document.parts.map((p) => {
              const list = files[p.key] ?? [];
              const keptHere = kept.filter((k) => k.partKey === p.key);
              return (
                <Col xs={24} md={12} key={p.key}>
                  <div className="bid-part" data-testid={`bid-part-${p.key}`}>
                    <div className="bid-part-head">
                      <strong>{p.name}</strong> {p.required ? <Tag color="red">{t('bidding.req.required')}</Tag> : <Tag>{t('bidding.req.optional')}</Tag>}
                      <span className="muted small">
                        {p.fileTypes.join(' / ').toUpperCase()} · {t('bidding.req.maxSize', { n: p.maxSizeMiB })}
                      </span>
                    </div>
                    <Upload.Dragger
                      multiple
                      accept={p.fileTypes.map((x) => `.${x}`).join(',')}
                      showUploadList={false}
                      beforeUpload={(file) => addFile(p.key, file)}
                      disabled={busy || closed}
                    >
                      <div className="bid-drop">
                        <InboxOutlined /> {t('bidding.compose.drop')}
                      </div>
                    </Upload.Dragger>
                    <ul className="bid-file-list">
                      {keptHere.map((k) => (
                        <li key={k.partId} data-testid="bid-file-kept">
                          <PaperClipOutlined /> {k.name.slice(p.key.length + 1)} <span className="muted small">{sizeText(k.size)}</span>{' '}
                          <Tag color="blue">{t('bidding.compose.kept')}</Tag>
                        </li>
                      ))}
                      {list.map((f) => (
                        <li key={f.name} data-testid="bid-file">
                          <PaperClipOutlined /> {f.name} <span className="muted small">{sizeText(f.size)}</span>
                          <Button
                            type="text"
                            size="small"
                            icon={<DeleteOutlined />}
                            disabled={busy}
                            onClick={() => setFiles((prev) => ({ ...prev, [p.key]: (prev[p.key] ?? []).filter((x) => x !== f) }))}
                          />
                        </li>
                      ))}
                    </ul>
                  </div>
                </Col>
              );
            })}
          </Row>
        </Card>
      </Form>

      <Card size="small" className="bidder-card" title={t(`${w}.compose.sealAndSubmit`)}>
        <BidKeyCard signer={signer} onSigner={onSigner} />
        <p className="muted small key-note">
          <LockOutlined /> {t('bidding.compose.sealNote', { n: req.sealing.custodians.length, k: req.sealing.threshold })}
        </p>
        {phase && (
          <div className="bid-progress" data-testid="bid-progress" data-step={phase.step}>
            {phase.step === 'sealing' && (
              <>
                <div className="small">{t('bidding.compose.sealing', { name: phase.progress.current === 'bidSummary' ? t(`${w}.compose.summary`) : phase.progress.current })}</div>
                <Progress percent={percent(phase.progress.done, phase.progress.total)} status="active" data-testid="bid-seal-progress" />
              </>
            )}
            {phase.step === 'uploading' && (
              <>
                <div className="small">
                  {phase.progress.retrying
                    ? t('bidding.compose.retrying', { n: phase.progress.retrying })
                    : t('bidding.compose.uploading', { name: phase.progress.current, sent: sizeText(phase.progress.sent), total: sizeText(phase.progress.total) })}
                </div>
                <Progress
                  percent={percent(phase.progress.sent, phase.progress.total)}
                  status={phase.progress.retrying ? 'exception' : 'active'}
                  data-testid="bid-upload-progress"
                />
              </>
            )}
            {phase.step === 'submitting' && <div className="small">{t('bidding.compose.submitting')}</div>}
          </div>
        )}
        <ProblemAlert error={error} testId="bid-submit-error" />
        {closed && <Alert type="warning" showIcon className="form-alert" title={t(`${w}.closed`)} data-testid="bid-closed" />}
        <Space>
          <Button type="primary" size="large" icon={<LockOutlined />} loading={busy} disabled={closed || !signer} onClick={() => void seal()} data-testid="bid-submit">
            {t(mode.kind === 'new' ? 'bidding.compose.submit' : 'bidding.compose.submitReplacement')}
          </Button>
          {onCancel && (
            <Button size="large" onClick={onCancel} disabled={busy}>
              {t('bidding.compose.cancel')}
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}

/** A money field: yuan typed with up to two decimals, shown back as integer fen. */
function MoneyItem({ name, label, required }: { name: (string | number)[]; label: string; required: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const raw = getFieldValue(name) as string | undefined;
        const parsed = raw ? yuanToFen(String(raw)) : undefined;
        return (
          <Form.Item
            name={name}
            label={label}
            extra={parsed && 'fen' in parsed ? <span data-testid={`bid-fen-${String(name[1])}`}>{t('bidding.compose.fen', { yuan: formatFen(parsed.fen), fen: parsed.fen })}</span> : undefined}
            rules={[
              { required, message: t('bidding.compose.required', { label }) },
              {
                validator: async (_, value: string | undefined) => {
                  if (!value) return;
                  const r = yuanToFen(String(value));
                  if ('problem' in r) throw new Error(t(`bidding.compose.money.${r.problem}`));
                },
              },
            ]}
          >
            <Input suffix="元" inputMode="decimal" className="mono" data-testid={`bid-field-${String(name[1])}`} />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}
