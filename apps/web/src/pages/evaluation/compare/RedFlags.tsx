import { WarningOutlined } from '@ant-design/icons';
import type { RedFlagView } from '@bidhall/contracts';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from '../../projects/money.ts';
import { compareApi } from './compareApi.ts';
import './compare.css';

/** The evidence of one flag, in words and the hashes themselves (they can be checked against the manifests). */
function Evidence({ flag }: { flag: RedFlagView }) {
  const { t } = useTranslation();
  const hash = (label: string, value: string) => (
    <span>
      {label}: <Typography.Text code copyable={{ text: value }}>{value.slice(0, 16)}…</Typography.Text>
    </span>
  );
  switch (flag.kind) {
    case 'sharedDevice':
      return hash(t('evaluationCompare.flags.deviceHash'), flag.evidence.deviceHash);
    case 'sharedFileMetadata':
      return hash(t('evaluationCompare.flags.fileMetaHash'), flag.evidence.fileMetaHash);
    case 'identicalFile':
      return (
        <Space direction="vertical" size={0}>
          {hash(t('evaluationCompare.flags.fileHash'), flag.evidence.plaintextHash)}
          <span>{flag.evidence.files.map((f) => `${flag.entityNames[flag.bidIds.indexOf(f.bidId)] ?? ''}「${f.name}」`).join('、')}</span>
        </Space>
      );
    case 'identicalPrice':
      return <span>{t('evaluationCompare.flags.price')}: {formatFen(flag.evidence.priceFen)}</span>;
    case 'arithmeticPrices':
      return (
        <span>
          {flag.evidence.pricesFen.map(formatFen).join(' → ')}（{t('evaluationCompare.flags.step')} {formatFen(flag.evidence.stepFen)}）
        </span>
      );
    case 'closeSubmissions':
      return (
        <Space direction="vertical" size={0}>
          {hash(t('evaluationCompare.flags.deviceHash'), flag.evidence.deviceHash)}
          <span>{t('evaluationCompare.flags.span', { seconds: flag.evidence.spanSeconds })}</span>
        </Space>
      );
  }
}

/**
 * Signs of collusion among the bids (A-149; 围标串标), each with the bidders it concerns and its
 * evidence. For the committee and the officers; the server refuses bidders.
 */
export function RedFlags({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const loaded = useLoader(() => compareApi.redFlags(sectionId), [sectionId]);
  const view = loaded.data;
  return (
    <Card title={<span><WarningOutlined /> {t('evaluationCompare.flags.title')}</span>} loading={loaded.loading && !view} data-testid="red-flags">
      <ProblemAlert error={loaded.error} />
      {view ? <Alert type="warning" className="form-alert" message={t('evaluationCompare.flags.note')} /> : null}
      {view?.withoutFingerprint.length ? <Alert type="info" className="form-alert" message={t('evaluationCompare.flags.withoutFingerprint', { count: view.withoutFingerprint.length })} /> : null}
      {view && view.flags.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluationCompare.flags.none')} /> : null}
      {view && view.flags.length > 0 ? (
        <List
          dataSource={view.flags}
          renderItem={(flag, i) => (
            <List.Item key={i} data-testid={`red-flag-${flag.kind}`}>
              <List.Item.Meta
                title={<Tag color="red">{t(`evaluationCompare.flags.kinds.${flag.kind}`)}</Tag>}
                description={
                  <Space direction="vertical" size={2} className="compare-evidence">
                    <span>
                      {t('evaluationCompare.flags.bidders')}: {flag.entityNames.join('、')}
                    </span>
                    <span>
                      {t('evaluationCompare.flags.evidence')}: <Evidence flag={flag} />
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
