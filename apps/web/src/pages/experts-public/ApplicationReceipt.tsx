import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpertApplicationReceipt } from '../../api/experts.ts';
import { formatTime } from '../../format.ts';

/** The application's number and status token, shown once, each with a copy button. */
export function ApplicationReceipt({ receipt, onAnother }: { receipt: ExpertApplicationReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="expert-receipt">
      <Result
        status="success"
        title={t('experts.apply.doneTitle')}
        subTitle={t('experts.apply.appliedAt', { at: formatTime(receipt.appliedAt, true) })}
        extra={[
          <Button key="another" onClick={onAnother}>
            {t('experts.apply.another')}
          </Button>,
          <Link key="record" to="/experts/record">
            <Button type="link">{t('experts.apply.toRecord')}</Button>
          </Link>,
        ]}
      >
        <Alert type="warning" showIcon title={t('experts.apply.doneLead')} className="form-alert" />
        <Descriptions
          bordered
          column={1}
          size="middle"
          items={[
            {
              key: 'id',
              label: t('experts.apply.id'),
              children: (
                <Typography.Text className="mono expert-receipt-value" copyable data-testid="receipt-id">
                  {receipt.id}
                </Typography.Text>
              ),
            },
            {
              key: 'token',
              label: t('experts.apply.token'),
              children: (
                <Typography.Text className="mono expert-receipt-value" copyable data-testid="receipt-token">
                  {receipt.statusToken}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Result>
    </Card>
  );
}
