import { FileTextOutlined } from '@ant-design/icons';
import type { SectionDetail } from '@bidhall/contracts';
import { Button, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contractApi } from '../../../api/contract.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ContractPanel } from './ContractPanel.tsx';
import { CONTRACT_STATE_COLOURS } from './contractStates.ts';

/** 合同 of a section on its page (decision 0036): the tenderer, its agency, the region's staff and supervisors. */
export function ContractCard({ section }: { section: SectionDetail }) {
  const { t } = useTranslation();
  const standing = useLoader(() => contractApi.standing(section.id), [section.id]);
  const c = standing.data?.contract ?? null;
  return (
    <Card
      title={
        <Space>
          {t('contract.title')}
          {standing.data && (
            <Tag color={CONTRACT_STATE_COLOURS[c?.state ?? 'none']} data-testid="contract-state" data-state={c?.state ?? 'none'}>
              {t(`contract.states.${c?.state ?? 'none'}`)}
            </Tag>
          )}
        </Space>
      }
      extra={
        c?.publicationId && (
          <Link to={`/notices/${c.publicationId}`} data-testid="contract-notice-link">
            <Button icon={<FileTextOutlined />}>{t('contract.performance.notice')}</Button>
          </Link>
        )
      }
      data-testid="contract-card"
    >
      <ContractPanel
        sectionId={section.id}
        canManage={section.canManage}
        defaultTitle={`${section.projectName}${section.name}合同`}
        onChanged={() => void standing.reload()}
      />
    </Card>
  );
}
