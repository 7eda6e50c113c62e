import { PaperClipOutlined } from '@ant-design/icons';
import type { EvaluationClarificationView } from '@bidhall/contracts';
import { Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clarificationsApi } from '../../../api/evaluationClarifications.ts';
import { formatTime } from '../../../format.ts';

/** One request's items beside the bidder's answers, its files to open, and what the signature covers. */
export function ClarificationAnswer({ request }: { request: EvaluationClarificationView }) {
  const { t } = useTranslation();
  const answer = request.answer;
  const answerOf = (n: number) => answer?.items.find((a) => a.number === n)?.text;
  return (
    <div data-testid={`clarify-detail-${request.id}`}>
      <List
        size="small"
        dataSource={request.items}
        renderItem={(item) => (
          <List.Item>
            <div className="clarify-qa">
              <Typography.Text strong>{t('evaluationClarify.item', { n: item.number })}</Typography.Text>
              <Typography.Paragraph className="pre-wrap">{item.text}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('evaluationClarify.answer')}：</Typography.Text>
              <Typography.Paragraph className="pre-wrap" data-testid={`clarify-answer-${request.id}-${item.number}`}>
                {answerOf(item.number) ?? <Typography.Text type="secondary">{t('evaluationClarify.noAnswer')}</Typography.Text>}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
      {answer && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('evaluationClarify.answeredAt')}>{formatTime(answer.answeredAt, true)}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationClarify.attachments')}>
            {answer.attachments.length === 0
              ? t('evaluationClarify.noAttachments')
              : answer.attachments.map((a) => (
                  <div key={a.sm3}>
                    <a href={clarificationsApi.fileUrl(request.sectionId, request.id, a.sm3)} target="_blank" rel="noreferrer" data-testid="clarify-attachment">
                      <PaperClipOutlined /> {a.name}
                    </a>{' '}
                    <Typography.Text type="secondary" className="mono small">
                      SM3 {a.sm3.slice(0, 16)}…
                    </Typography.Text>
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationClarify.answersSm3')}>
            <span className="mono small">{answer.answersSm3}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationClarify.fingerprint')}>
            <span className="mono small">{answer.certificateFingerprint}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}
