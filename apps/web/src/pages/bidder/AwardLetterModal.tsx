import { CheckOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import type { MyAwardLetterView } from '@bidhall/contracts';
import { Button, Descriptions, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../format.ts';
import { formatFen } from '../projects/money.ts';
import './award-letters.css';

/**
 * A letter as its addressee reads and prints it: the award notice (中标通知书) or the result notice
 * (中标结果通知书) with its reasons, the winner and the price, the tenderer, the day, and the SM3 of the
 * signed notices that the published result notice carries too.
 */
export function AwardLetterModal({
  letter: l,
  acknowledging,
  onAcknowledge,
  onClose,
}: {
  letter: MyAwardLetterView;
  acknowledging: boolean;
  onAcknowledge: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={760}
      onCancel={onClose}
      title={t(`bidder.awardLetters.kinds.${l.kind}`)}
      data-testid="award-letter-modal"
      footer={
        <Space wrap>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="award-letter-print">
            {t('bidder.awardLetters.print')}
          </Button>
          {!l.readAt && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={acknowledging}
              onClick={onAcknowledge}
              data-testid="award-letter-ack"
            >
              {t('bidder.awardLetters.acknowledge')}
            </Button>
          )}
          <Button onClick={onClose}>{t('bidder.awardLetters.close')}</Button>
        </Space>
      }
    >
      <div className="award-letter-print" data-testid="award-letter-text">
        <h2 className="award-letter-title">{t(`bidder.awardLetters.kinds.${l.kind}`)}</h2>
        <p>{t('bidder.awardLetters.letter.to', { entity: l.entityName })}</p>
        <p className="pre-wrap award-letter-body">{l.reason}</p>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'project', label: t('bidder.awardLetters.letter.project'), children: l.projectName },
            { key: 'section', label: t('bidder.awardLetters.letter.section'), children: l.sectionName },
            { key: 'winner', label: t('bidder.awardLetters.letter.winner'), children: l.winnerName },
            {
              key: 'price',
              label: t('bidder.awardLetters.letter.price'),
              children: (
                <span className="mono">{t('bidder.awardLetters.letter.priceValue', { yuan: formatFen(l.priceFen) })}</span>
              ),
            },
          ]}
        />
        <div className="award-letter-sign">
          <div>{t('bidder.awardLetters.letter.tenderer', { name: l.tendererName })}</div>
          <div>{t('bidder.awardLetters.letter.date', { date: formatTime(l.issuedAt) })}</div>
        </div>
        <Typography.Paragraph className="small muted">
          {t('bidder.awardLetters.letter.sm3')}
          <span className="mono break" data-testid="award-letter-sm3">
            {l.contentSm3}
          </span>
          <br />
          {t('bidder.awardLetters.letter.verify')}
          <Link to={`/notices/${l.publicationId}`} className="award-letter-link" onClick={onClose}>
            <FileTextOutlined /> {t('bidder.awardLetters.letter.notice')}
          </Link>
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
