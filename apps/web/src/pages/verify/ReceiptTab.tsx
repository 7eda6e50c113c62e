import { CloudDownloadOutlined, SafetyOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Empty, Input, InputNumber, Row, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logApi } from '../../api/log.ts';
import { problemMessage } from '../../api/problem.ts';
import { verifyReceipt, type ReceiptResult } from '../../trust/logVerify.ts';
import { CheckList } from './CheckList.tsx';

function prettyEntry(entry: string): string {
  try {
    return JSON.stringify(JSON.parse(entry), null, 2);
  } catch {
    return entry;
  }
}

/** A receipt, pasted, uploaded or fetched by index, checked here against the log key alone. */
export function ReceiptTab({ keyPem }: { keyPem: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [index, setIndex] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('index')) || 0);
  const [text, setText] = useState('');
  const [fetching, setFetching] = useState(false);
  const [result, setResult] = useState<ReceiptResult>();
  const [notJson, setNotJson] = useState(false);

  const load = (value: string) => {
    setText(value);
    setResult(undefined);
    setNotJson(false);
  };

  const fetchReceipt = async () => {
    if (index === null) return;
    setFetching(true);
    try {
      load(JSON.stringify(await logApi.receipt(index), null, 2));
      message.success(t('verify.receipt.fetched', { index }));
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setFetching(false);
    }
  };

  const verify = () => {
    if (!keyPem) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setResult(undefined);
      setNotJson(true);
      return;
    }
    setNotJson(false);
    setResult(verifyReceipt(parsed, keyPem));
  };

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={11}>
        <p className="muted card-lead">{t('verify.receipt.lead')}</p>
        <Space wrap className="receipt-source">
          <Space.Compact>
            <InputNumber
              min={0}
              precision={0}
              value={index}
              onChange={setIndex}
              prefix={<span className="muted">{t('verify.receipt.index')}</span>}
              className="receipt-index"
              data-testid="receipt-index"
            />
            <Button
              icon={<CloudDownloadOutlined />}
              loading={fetching}
              onClick={() => void fetchReceipt()}
              data-testid="receipt-fetch"
            >
              {t('verify.receipt.fetch')}
            </Button>
          </Space.Compact>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void file.text().then(load);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('verify.receipt.upload')}</Button>
          </Upload>
        </Space>
        <Input.TextArea
          className="mono receipt-text"
          rows={16}
          value={text}
          onChange={(e) => load(e.target.value)}
          placeholder={t('verify.receipt.placeholder')}
          data-testid="receipt-text"
        />
        <Button
          type="primary"
          size="large"
          icon={<SafetyOutlined />}
          disabled={!keyPem || !text.trim()}
          onClick={verify}
          className="verify-button"
          data-testid="receipt-verify"
        >
          {t('verify.receipt.verify')}
        </Button>
      </Col>
      <Col xs={24} lg={13}>
        {notJson ? (
          <Alert type="error" showIcon title={t('verify.receipt.notJson')} data-testid="receipt-result" data-status="failed" />
        ) : result ? (
          <div data-testid="receipt-result" data-status={result.ok ? 'ok' : 'failed'}>
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              title={result.ok ? t('verify.receipt.ok') : t('verify.receipt.failed')}
              description={
                result.ok && result.receipt
                  ? t('verify.receipt.okDesc', { index: result.receipt.index, size: result.receipt.treeHead.treeSize })
                  : undefined
              }
              className="form-alert"
            />
            <CheckList checks={result.checks} testId="receipt-checks" />
            {result.receipt && (
              <>
                <div className="card-subheading">{t('verify.receipt.entry')}</div>
                <pre className="entry-json mono" data-testid="receipt-entry">
                  {prettyEntry(result.receipt.entry)}
                </pre>
              </>
            )}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verify.receipt.empty')} className="verify-empty" />
        )}
      </Col>
    </Row>
  );
}
