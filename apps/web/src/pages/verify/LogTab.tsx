import { PauseCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Progress, Row, Space, Statistic } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { shortHex } from '../../trust/checks.ts';
import { LogFailure, verifyWholeLog, type LogProgress, type LogResult } from '../../trust/logVerify.ts';

type Outcome = { kind: 'ok'; result: LogResult } | { kind: 'failed'; error: unknown } | { kind: 'aborted' };

/** The whole log, re-hashed in the browser page by page against every signed tree head. */
export function LogTab({ keyPem }: { keyPem: string | undefined }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<LogProgress>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    if (!keyPem) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setOutcome(undefined);
    setProgress(undefined);
    try {
      const result = await verifyWholeLog({ keyPem, onProgress: setProgress, signal: controller.signal });
      setOutcome({ kind: 'ok', result });
    } catch (err) {
      setOutcome(controller.signal.aborted ? { kind: 'aborted' } : { kind: 'failed', error: err });
    } finally {
      setRunning(false);
    }
  };

  const percent = progress ? (progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100)) : 0;
  const seconds = progress ? progress.elapsedMs / 1000 : 0;
  const rate = progress && seconds > 0 ? Math.round(progress.done / seconds) : 0;
  const failedText = (error: unknown) =>
    error instanceof LogFailure
      ? (t as unknown as (k: string, v?: object) => string)(`verify.log.failures.${error.reason}`, error.values)
      : problemMessage(t, error);

  return (
    <div data-testid="log-verify">
      <p className="muted card-lead">{t('verify.log.lead')}</p>
      <Space className="log-actions">
        <Button
          type="primary"
          size="large"
          icon={<SafetyOutlined />}
          loading={running}
          disabled={!keyPem}
          onClick={() => void run()}
          data-testid="log-verify-start"
        >
          {outcome ? t('verify.log.again') : t('verify.log.start')}
        </Button>
        {running && (
          <Button size="large" icon={<PauseCircleOutlined />} onClick={() => abort.current?.abort()}>
            {t('verify.log.stop')}
          </Button>
        )}
      </Space>
      {(running || progress) && (
        <>
          <Progress
            percent={percent}
            status={outcome?.kind === 'failed' ? 'exception' : outcome?.kind === 'ok' ? 'success' : running ? 'active' : 'normal'}
            data-testid="log-progress"
            data-percent={percent}
          />
          <Row gutter={16} className="log-stats">
            <Col xs={12} md={6}>
              <Statistic title={t('verify.log.entries')} value={progress ? `${progress.done} / ${progress.total}` : '—'} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('verify.log.heads')} value={progress?.heads ?? '—'} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('verify.log.speed')} value={t('verify.log.speedValue', { rate })} data-testid="log-rate" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('verify.log.elapsed')} value={t('verify.log.elapsedValue', { seconds: seconds.toFixed(1) })} />
            </Col>
          </Row>
        </>
      )}
      {outcome?.kind === 'ok' && (
        <Alert
          type="success"
          showIcon
          title={t('verify.log.ok')}
          description={t('verify.log.okDesc', {
            entries: outcome.result.entries,
            heads: outcome.result.heads,
            root: shortHex(outcome.result.rootHash),
          })}
          data-testid="log-result"
          data-status="ok"
        />
      )}
      {outcome?.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('verify.log.failed')}
          description={
            <>
              <div>{failedText(outcome.error)}</div>
              {outcome.error instanceof LogFailure && outcome.error.detail && (
                <div className="mono small">{outcome.error.detail}</div>
              )}
            </>
          }
          data-testid="log-result"
          data-status="failed"
        />
      )}
      {outcome?.kind === 'aborted' && (
        <Alert type="warning" showIcon title={t('verify.log.aborted')} data-testid="log-result" data-status="aborted" />
      )}
    </div>
  );
}
