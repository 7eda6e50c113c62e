import { CloudDownloadOutlined } from '@ant-design/icons';
import { APPROVAL_CODE_PATTERN, PROCUREMENT_KINDS, type PrefillView } from '@bidhall/contracts';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { yuanToFen } from '../money.ts';

interface Props {
  editable: boolean;
  /** The approval code is fixed once the form exists. */
  codeFixed: boolean;
  prefill: PrefillView | undefined;
  fetching: boolean;
  onFetch: () => void;
}

export const moneyRule = (message: string) => ({
  validator: (_: unknown, v: string | undefined) => (!v || yuanToFen(v) !== undefined ? Promise.resolve() : Promise.reject(new Error(message))),
});

/** Step 1: the approval code first, fetched from the approval platform, then the project itself. */
export function ProjectStep({ editable, codeFixed, prefill, fetching, onFetch }: Props) {
  const { t } = useTranslation();
  const { regions, categories, regionName, categoryName } = useCatalog();
  const category = Form.useWatch(['project', 'category']) as string | undefined;
  const mustEnter = categories.find((c) => c.code === category)?.mustEnter;
  const required = { required: true, whitespace: true, message: t('projects.entry.required') };

  return (
    <>
      <Form.Item label={t('projects.entry.approvalCode')} required extra={t('projects.entry.approvalCodeHint')}>
        <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
          <Form.Item
            name="approvalCode"
            noStyle
            rules={[required, { pattern: APPROVAL_CODE_PATTERN, message: t('projects.entry.approvalCodeInvalid') }]}
          >
            <Input className="mono" placeholder="2026-150602-48-01-000123" disabled={!editable || codeFixed} data-testid="approval-code" />
          </Form.Item>
          <Button icon={<CloudDownloadOutlined />} loading={fetching} onClick={onFetch} disabled={!editable || codeFixed} data-testid="prefill">
            {t('projects.entry.fetch')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {prefill && (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          data-testid="prefill-result"
          title={t('projects.entry.fetched', { authority: prefill.approvalAuthority, date: formatTime(prefill.approvedAt).slice(0, 10) })}
          description={
            <>
              <div>
                {t('projects.entry.ownerMismatch', { owner: `${prefill.owner.name}（${prefill.owner.creditCode}）` })}
              </div>
              {prefill.existingProjectId && <div>{t('projects.entry.existingProject')}</div>}
            </>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name={['project', 'name']} label={t('projects.entry.projectName')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} data-testid="project-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['project', 'regionCode']} label={t('projects.entry.region')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['project', 'category']}
            label={t('projects.entry.category')}
            rules={[required]}
            extra={mustEnter ? <Tag color="volcano">{t('projects.entry.mustEnterHint')}</Tag> : undefined}
          >
            <Select options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))} data-testid="project-category" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['project', 'kind']} label={t('projects.entry.kind')} rules={[required]}>
            <Select options={PROCUREMENT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))} data-testid="project-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['project', 'mandatory']} label={t('projects.entry.mandatory')} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['project', 'investmentYuan']}
            label={t('projects.entry.investment')}
            rules={[required, moneyRule(t('projects.entry.moneyInvalid'))]}
          >
            <Input className="mono" suffix={t('projects.yuan')} inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['project', 'fundingSource']} label={t('projects.entry.fundingSource')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['project', 'stateFunded']}
            label={t('projects.entry.stateFunded')}
            tooltip={t('projects.entry.stateFundedHint')}
            valuePropName="checked"
            initialValue={false}
          >
            <Switch data-testid="project-state-funded" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={['project', 'location']} label={t('projects.entry.location')} rules={[required, { max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
