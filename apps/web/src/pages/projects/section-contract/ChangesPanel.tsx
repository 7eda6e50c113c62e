import { CheckOutlined, FileTextOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { CONTRACT_LIMITS, type ContractChangeView } from '@bidhall/contracts';
import { App, Button, Empty, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contractApi } from '../../../api/contract.ts';
import { problemMessage } from '../../../api/problem.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { requiredText } from '../../../components/rules.ts';
import { formatTime } from '../../../format.ts';
import { ReasonModal } from '../../admin/ReasonModal.tsx';
import { formatFen, yuanToFen } from '../money.ts';

type Values = { reason: string; content: string; newPrice?: string };
const COLOURS = { pendingVerification: 'processing', approved: 'success', rejected: 'default' } as const;

/** Changes to the concluded contract with their reasons: proposed by the tenderer, verified by staff, then published. */
export function ChangesPanel({
  sectionId,
  changes,
  canPropose,
  canVerify,
  onChanged,
}: {
  sectionId: string;
  changes: ContractChangeView[];
  canPropose: boolean;
  canVerify: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [rejecting, setRejecting] = useState<string>();
  const [form] = Form.useForm<Values>();
  const pending = changes.some((c) => c.state === 'pendingVerification');

  const approve = async (id: string) => {
    try {
      await contractApi.verifyChange(sectionId, id, { decision: 'approve' });
      message.success(t('contract.changes.approved'));
      await onChanged();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  return (
    <>
      {canPropose && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          disabled={pending}
          className="card-lead"
          data-testid="change-propose"
        >
          {t('contract.changes.propose')}
        </Button>
      )}
      {changes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.changes.empty')} />
      ) : (
        <Table<ContractChangeView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={changes}
          data-testid="changes-table"
          columns={[
            { key: 'number', title: '#', width: 80, render: (_, r) => t('contract.changes.number', { number: r.number }) },
            {
              key: 'reason',
              title: t('contract.changes.reason'),
              render: (_, r) => (
                <div>
                  <div className="pre-wrap">{r.reason}</div>
                  <div className="pre-wrap muted small">{r.content}</div>
                </div>
              ),
            },
            {
              key: 'price',
              title: t('contract.changes.price'),
              width: 220,
              render: (_, r) =>
                r.newPriceFen ? (
                  <span className="mono">
                    {t('contract.changes.priceChange', { from: formatFen(r.previousPriceFen), to: formatFen(r.newPriceFen) })}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              key: 'state',
              title: t('contract.mine.state'),
              width: 200,
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <Tag color={COLOURS[r.state]}>{t(`contract.changes.states.${r.state}`)}</Tag>
                  {r.rejection && <span className="small">{t('contract.rejectionReason', { reason: r.rejection })}</span>}
                  {r.verifiedAt && (
                    <span className="muted small">
                      {t('contract.fields.verifiedByText', { name: r.verifierName ?? '', time: formatTime(r.verifiedAt) })}
                    </span>
                  )}
                </Space>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 200,
              render: (_, r) =>
                r.publicationId ? (
                  <Link to={`/notices/${r.publicationId}`}>
                    <FileTextOutlined /> {t('contract.performance.notice')}
                  </Link>
                ) : (
                  canVerify &&
                  r.state === 'pendingVerification' && (
                    <Space>
                      <Popconfirm
                        title={t('contract.changes.approve')}
                        onConfirm={() => approve(r.id)}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                      >
                        <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="change-approve">
                          {t('contract.verify.approve')}
                        </Button>
                      </Popconfirm>
                      <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setRejecting(r.id)}>
                        {t('contract.verify.reject')}
                      </Button>
                    </Space>
                  )
                ),
            },
          ]}
        />
      )}
      {open && (
        <FormModal<Values>
          form={form}
          title={t('contract.changes.propose')}
          okText={t('contract.changes.submit')}
          onClose={() => setOpen(false)}
          onDone={onChanged}
          onSubmit={async (v) => {
            const price = v.newPrice?.trim() ? yuanToFen(v.newPrice) : undefined;
            await contractApi.propose(sectionId, {
              reason: v.reason.trim(),
              content: v.content.trim(),
              newPriceFen: price ?? null,
            });
            return t('contract.changes.proposed');
          }}
          data-testid="change-modal"
        >
          <Form.Item name="reason" label={t('contract.changes.reason')} rules={requiredText(t, CONTRACT_LIMITS.reasonChars)}>
            <Input.TextArea rows={2} maxLength={CONTRACT_LIMITS.reasonChars} data-testid="change-reason" />
          </Form.Item>
          <Form.Item name="content" label={t('contract.changes.content')} rules={requiredText(t, CONTRACT_LIMITS.changeChars)}>
            <Input.TextArea rows={4} maxLength={CONTRACT_LIMITS.changeChars} data-testid="change-content" />
          </Form.Item>
          <Form.Item
            name="newPrice"
            label={t('contract.changes.newPrice')}
            extra={t('contract.changes.newPriceHint')}
            rules={[
              {
                validator: async (_r, v: unknown) => {
                  if (typeof v === 'string' && v.trim() && !yuanToFen(v)) throw new Error(t('contract.changes.invalidPrice'));
                },
              },
            ]}
          >
            <Input className="mono" data-testid="change-price" />
          </Form.Item>
        </FormModal>
      )}
      {rejecting && (
        <ReasonModal
          title={t('contract.changes.rejectTitle')}
          label={t('contract.verify.rejectReason')}
          danger
          onSubmit={async (reason) => {
            await contractApi.verifyChange(sectionId, rejecting, { decision: 'reject', reason });
            return t('contract.changes.rejected');
          }}
          onClose={() => setRejecting(undefined)}
          onDone={() => void onChanged()}
        />
      )}
    </>
  );
}
