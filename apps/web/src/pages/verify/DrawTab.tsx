import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { verifyDraw, type DrawResult } from '../../trust/drawVerify.ts';
import { CheckList } from './CheckList.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A revealed draw, recomputed here from its public data (`?draw=<id>` fills the ID in). */
export function DrawTab({ keyPem }: { keyPem: string | undefined }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [id, setId] = useState(params.get('draw') ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DrawResult>();
  const [error, setError] = useState<unknown>();
  const valid = UUID.test(id.trim());

  const verify = async () => {
    if (!keyPem || !valid) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await verifyDraw(id.trim().toLowerCase(), keyPem));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const d = result?.draw;
  return (
    <div data-testid="draw-verify">
      <p className="muted card-lead">{t('verify.draw.lead')}</p>
      <Form layout="inline" onFinish={() => void verify()} className="draw-form">
        <Form.Item
          validateStatus={id.trim() && !valid ? 'error' : undefined}
          help={id.trim() && !valid ? t('verify.draw.invalidId') : undefined}
        >
          <Input
            className="mono draw-id-input"
            value={id}
            onChange={(e) => setId(e.target.value)}
            placeholder={t('verify.draw.placeholder')}
            prefix={<span className="muted">{t('verify.draw.id')}</span>}
            allowClear
            data-testid="draw-id"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SafetyOutlined />}
          loading={busy}
          disabled={!keyPem || !valid}
          data-testid="draw-verify-submit"
        >
          {t('verify.draw.verify')}
        </Button>
      </Form>
      <ProblemAlert error={error} testId="draw-error" />
      {result && d && (
        <div data-testid="draw-result" data-status={result.ok ? 'ok' : 'failed'}>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.ok ? t('verify.draw.ok') : t('verify.draw.failed')}
            description={result.ok ? t('verify.draw.okDesc', { count: d.count, pool: d.pool?.length ?? 0 }) : undefined}
            className="form-alert"
          />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            className="draw-facts"
            items={[
              { key: 'purpose', label: t('verify.draw.purpose'), children: <span className="mono">{d.purpose}</span> },
              {
                key: 'subject',
                label: t('verify.draw.subject'),
                children: <span className="mono">{`${d.subjectType} · ${d.subjectId}`}</span>,
              },
              { key: 'committed', label: t('verify.draw.committedAt'), children: formatTime(d.committedAt, true) },
              { key: 'pool', label: t('verify.draw.pool'), children: d.pool ? d.pool.length : '—' },
              {
                key: 'selected',
                label: t('verify.draw.selected'),
                span: 'filled' as const,
                children: d.selected ? (
                  <Space size={[4, 4]} wrap>
                    {d.selected.map((s) => (
                      <Tag key={s} color={result.ok ? 'green' : undefined} className="mono">
                        {s}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <CheckList checks={result.checks} testId="draw-checks" />
        </div>
      )}
    </div>
  );
}
