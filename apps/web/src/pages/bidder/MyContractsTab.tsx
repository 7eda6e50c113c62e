import { ArrowLeftOutlined } from '@ant-design/icons';
import type { MyContractItem } from '@bidhall/contracts';
import { Button, Empty, Skeleton, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../api/contract.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';
import { ContractPanel } from '../projects/section-contract/ContractPanel.tsx';
import { CONTRACT_STATE_COLOURS } from '../projects/section-contract/contractStates.ts';
import { DueStatus } from '../projects/section-contract/DueStatus.tsx';

/**
 * 我的合同 in the bidder workspace (decision 0036): the contracts the entity won, to read, e-sign
 * and record the performance of. The URL remembers the open one (`?tab=contracts&section=`).
 */
export default function MyContractsTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mine = useLoader(() => contractApi.mine(), []);
  const open = params.get('section');
  const item = mine.data?.find((c) => c.sectionId === open);

  if (mine.error && !mine.data) return <LoadError error={mine.error} onRetry={() => void mine.reload()} />;
  if (!mine.data) return <Skeleton active />;
  if (item)
    return (
      <div data-testid="my-contract">
        <Button
          icon={<ArrowLeftOutlined />}
          type="link"
          onClick={() => setParams({ tab: 'contracts' })}
          style={{ paddingLeft: 0 }}
        >
          {t('contract.mine.back')}
        </Button>
        <h3>
          {item.projectName} · {item.sectionName}
        </h3>
        <ContractPanel sectionId={item.sectionId} canManage={false} defaultTitle="" onChanged={() => void mine.reload()} />
      </div>
    );
  if (mine.data.length === 0) return <Empty description={t('contract.mine.empty')} />;
  return (
    <Table<MyContractItem>
      rowKey="contractId"
      dataSource={mine.data}
      pagination={false}
      data-testid="my-contracts"
      columns={[
        {
          key: 'project',
          title: t('contract.mine.project'),
          render: (_, r) => (
            <a onClick={() => setParams({ tab: 'contracts', section: r.sectionId })} data-testid={`my-contract-${r.sectionId}`}>
              {r.projectName} · {r.sectionName}
            </a>
          ),
        },
        { key: 'tenderer', title: t('contract.mine.tenderer'), dataIndex: 'tendererName' },
        {
          key: 'price',
          title: t('contract.mine.price'),
          align: 'right',
          render: (_, r) => <span className="mono">{formatFen(r.priceFen)}</span>,
        },
        {
          key: 'state',
          title: t('contract.mine.state'),
          render: (_, r) => (
            <span>
              <Tag color={CONTRACT_STATE_COLOURS[r.state]}>{t(`contract.states.${r.state}`)}</Tag>
              {r.signedByMe && r.state !== 'concluded' && <Tag color="green">{t('contract.sign.signedByMe')}</Tag>}
            </span>
          ),
        },
        {
          key: 'due',
          title: t('contract.mine.due'),
          render: (_, r) =>
            r.state === 'concluded' ? (
              <span className="mono">{r.dueDate}</span>
            ) : (
              <DueStatus dueDate={r.dueDate} testId={`my-contract-due-${r.sectionId}`} />
            ),
        },
      ]}
    />
  );
}
