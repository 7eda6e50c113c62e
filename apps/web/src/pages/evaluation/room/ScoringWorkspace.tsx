import { CheckOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import type { EvaluationSheetView, EvaluationView } from '@bidhall/contracts';
import { Alert, App, Button, type ButtonProps, Card, Col, Menu, Progress, Row, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { evaluationApi } from '../../../api/evaluation.ts';
import { problemMessage } from '../../../api/problem.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from '../../projects/money.ts';
import { roomWords } from '../sitting.ts';
import { BidSheet } from './BidSheet.tsx';
import { refusedField, sheetProgress, type Sheet } from './sheet.ts';

/**
 * The member's own sheet: the bids on the left with how far each is filled, the chosen
 * bid's read-out values and its verdicts and scores on the right; kept as a draft, then submitted once
 * complete — frozen afterwards. A refusal is shown on the field it names, on its bid. In a review
 * the applications, without price: pass or fail on each criterion, scores only under the
 * limited-number method.
 */
export function ScoringWorkspace({ view, onSubmitted }: { view: EvaluationView; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { sitting } = view;
  const w = roomWords(sitting);
  const loaded = useLoader(() => evaluationApi.mySheet(view.sectionId, sitting), [view.sectionId, sitting]);
  const [sheet, setSheet] = useState<Sheet>({ verdicts: {}, scores: {} });
  const [saved, setSaved] = useState<EvaluationSheetView>();
  const [bidId, setBidId] = useState(view.bids[0]?.bidId);
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<{ key: string; message: string }>();
  useEffect(() => {
    if (!loaded.data) return;
    setSaved(loaded.data);
    setSheet({ verdicts: loaded.data.verdicts, scores: loaded.data.scores });
  }, [loaded.data]);

  // A review scores nothing but the limited-number method's factors.
  const rubric = useMemo(() => (view.rubric && sitting === 'application' && view.method !== 'limitedNumber' ? { ...view.rubric, factors: [] } : view.rubric), [view.rubric, view.method, sitting]);
  const bidIds = useMemo(() => view.bids.map((b) => b.bidId), [view.bids]);
  const progress = rubric ? sheetProgress(rubric, bidIds, sheet) : undefined;
  const frozen = saved?.submittedAt != null;

  if (loaded.error && !saved) return <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!saved || !rubric || !progress) return <Skeleton active paragraph={{ rows: 10 }} />;
  const bid = view.bids.find((b) => b.bidId === bidId) ?? view.bids[0];

  const send = async (submit: boolean) => {
    setBusy(submit ? 'submit' : 'save');
    setError(undefined);
    setRefused(undefined);
    try {
      const next = await evaluationApi.saveSheet(view.sectionId, { ...sheet, submit }, sitting);
      setSaved(next);
      message.success(t(submit ? `${w}.sheet.submitted` : `${w}.sheet.saved`));
      if (submit) onSubmitted();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const key = refusedField(err.code, err.details);
        if (key) {
          const d = err.details as { score?: number; min?: number; max?: number };
          setRefused({ key, message: err.code === 'EVALUATION_SCORE_OUT_OF_RANGE' ? t('evaluation.sheet.outOfRange', { score: d.score, min: d.min, max: d.max }) : problemMessage(t, err) });
          setBidId(key.split('/')[0]);
        }
      }
    } finally {
      setBusy(undefined);
    }
  };

  const confirmSubmit = () =>
    modal.confirm({
      title: t(`${w}.sheet.confirmTitle`),
      content: t(`${w}.sheet.confirm`),
      okText: t(`${w}.sheet.submit`),
      okButtonProps: { danger: true, 'data-testid': 'sheet-submit-confirm' } as ButtonProps,
      onOk: () => send(true),
    });

  const pct = progress.all.total ? Math.round((progress.all.done / progress.all.total) * 100) : 100;
  return (
    <div data-testid="scoring-workspace" data-frozen={frozen ? 'yes' : 'no'}>
      {frozen && <Alert type="success" showIcon icon={<LockOutlined />} className="form-alert" title={t(`${w}.sheet.frozen`, { at: formatTime(saved.submittedAt, true) })} data-testid="sheet-frozen" />}
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" title={t(`${w}.sheet.bids`)} className="room-bid-menu">
            <Menu
              mode="inline"
              selectedKeys={bid ? [bid.bidId] : []}
              onClick={(e) => setBidId(e.key)}
              items={view.bids.map((b) => {
                const p = progress.byBid[b.bidId]!;
                return {
                  key: b.bidId,
                  label: (
                    <div className="room-bid-item" data-testid="bid-tab">
                      <div className="room-bid-name">{b.entityName}</div>
                      <div className="muted small">
                        {b.priceFen !== null && `${formatFen(b.priceFen)} · `}
                        {p.done}/{p.total}
                      </div>
                    </div>
                  ),
                };
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {bid && <BidSheet key={bid.bidId} sitting={sitting} bid={bid} rubric={rubric} sheet={sheet} frozen={frozen} refused={refused} onChange={setSheet} />}
        </Col>
      </Row>
      <div className="room-sheet-bar">
        <Space size="large" wrap>
          <span>
            {t('evaluation.sheet.progress')} <Progress percent={pct} size="small" style={{ width: 200, display: 'inline-flex' }} format={() => `${progress.all.done}/${progress.all.total}`} data-testid="sheet-progress" />
          </span>
          {saved.updatedAt && <span className="muted small">{t('evaluation.sheet.updatedAt', { at: formatTime(saved.updatedAt, true) })}</span>}
          {!frozen && (
            <>
              <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== undefined} onClick={() => void send(false)} data-testid="sheet-save">
                {t('evaluation.sheet.save')}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'submit'} disabled={busy !== undefined || progress.all.done < progress.all.total} onClick={confirmSubmit} data-testid="sheet-submit">
                {t(`${w}.sheet.submit`)}
              </Button>
            </>
          )}
        </Space>
        <ProblemAlert error={error} testId="sheet-error" />
      </div>
    </div>
  );
}
