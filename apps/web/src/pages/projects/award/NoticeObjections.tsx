import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { awardApi } from '../../../api/award.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { requiredText } from '../../../components/rules.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ObjectionsTable } from './ObjectionsTable.tsx';

/**
 * On a candidates' publicity notice: a bidder that obtained the section's documents objects to the
 * evaluation result (B-030) and reads its own objections with the tenderer's answers. The server decides
 * who may object and when; its refusal is shown as it says.
 */
export function NoticeObjections({ sectionId, noticeId }: { sectionId: string; noticeId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isBidder = user?.kind === 'entity' && !!user.entity?.roles.includes('bidder');
  if (!user) {
    return (
      <Card className="notice-card" title={t('award.objections.title')} data-testid="notice-objections">
        <Link to={`/login?next=${encodeURIComponent(`/notices/${noticeId}`)}`}>
          <Button block icon={<ExclamationCircleOutlined />}>
            {t('award.raise.loginToObject')}
          </Button>
        </Link>
      </Card>
    );
  }
  return isBidder ? <BidderObjections sectionId={sectionId} /> : null;
}

function BidderObjections({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  // Only an entity that obtained the documents may see (and raise) objections: others get a refusal, shown as none.
  const mine = useLoader(() => awardApi.objections(sectionId), [sectionId]);
  const [raising, setRaising] = useState(false);
  const [form] = Form.useForm<{ content: string }>();
  return (
    <Card className="notice-card" title={t('award.objections.title')} data-testid="notice-objections">
      <Button
        type="primary"
        danger
        block
        icon={<ExclamationCircleOutlined />}
        onClick={() => setRaising(true)}
        data-testid="notice-object"
      >
        {t('award.raise.button')}
      </Button>
      {mine.data && mine.data.length > 0 && (
        <div className="notice-objections-mine">
          <div className="muted small card-lead">{t('award.raise.mine')}</div>
          <ObjectionsTable objections={mine.data} showEntity={false} testId="notice-my-objections" />
        </div>
      )}
      {raising && (
        <FormModal
          form={form}
          title={t('award.raise.title')}
          okText={t('award.raise.submit')}
          width={640}
          destroyOnHidden
          onClose={() => setRaising(false)}
          onDone={() => mine.reload()}
          fieldOf={(s) => (s[0] === 'content' ? ['content'] : undefined)}
          lead={<Alert type="info" showIcon className="form-alert" title={t('award.raise.lead')} />}
          onSubmit={async (v) => {
            const o = await awardApi.object(sectionId, v.content.trim());
            form.resetFields();
            return t('award.raise.done', { date: o.answerDue });
          }}
          data-testid="notice-object-modal"
        >
          <Form.Item name="content" label={t('award.raise.content')} rules={requiredText(t, 4000)}>
            <Input.TextArea
              rows={6}
              maxLength={4000}
              showCount
              placeholder={t('award.raise.contentHint')}
              data-testid="notice-object-text"
            />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
