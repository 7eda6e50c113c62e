import { CheckCircleTwoTone, CrownOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { EvaluationView } from '@bidhall/contracts';
import { Card, Progress, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roomWords } from '../sitting.ts';

type Member = EvaluationView['members'][number];

const Done = ({ yes, testId }: { yes: boolean; testId: string }) =>
  yes ? <CheckCircleTwoTone twoToneColor="#52c41a" data-testid={testId} data-done="yes" /> : <MinusCircleOutlined className="muted" data-testid={testId} data-done="no" />;

/**
 * The committee in the room: seats, the chair, the tenderer's representatives, and who has signed in
 * and submitted — never what anyone scored. Names only where the caller may know them.
 */
export function MembersCard({ view, extra, children }: { view: EvaluationView; extra?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const p = view.progress;
  const w = roomWords(view.sitting);
  const pct = (n: number) => (p.members ? Math.round((n / p.members) * 100) : 0);
  return (
    <Card title={t(`${w}.members.title`)} extra={extra} data-testid="evaluation-members">
      <Space size="large" wrap className="room-progress">
        <span>
          {t('evaluation.members.signedIn')} <Progress type="circle" size={44} percent={pct(p.signedIn)} format={() => `${p.signedIn}/${p.members}`} data-testid="progress-signed-in" />
        </span>
        <span>
          {t('evaluation.members.submitted')} <Progress type="circle" size={44} percent={pct(p.submitted)} format={() => `${p.submitted}/${p.members}`} data-testid="progress-submitted" />
        </span>
        {view.representativesNeeded !== null && <span className="muted">{t('evaluation.members.representativesNeeded', { count: view.representativesNeeded })}</span>}
      </Space>
      <Table<Member>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.members}
        rowClassName={(m) => (m.self ? 'room-row-self' : '')}
        columns={[
          { title: t('evaluation.members.seat'), dataIndex: 'seat', width: 80, render: (seat: number | null) => (seat === null ? '—' : t('evaluation.members.seatNo', { seat })) },
          {
            title: t('evaluation.members.name'),
            render: (_, m) => (
              <Space>
                {m.name ?? <span className="muted">{t('evaluation.members.hidden')}</span>}
                {m.chair && (
                  <Tag color="gold" icon={<CrownOutlined />} data-testid="member-chair">
                    {t('evaluation.members.chair')}
                  </Tag>
                )}
                {m.self && <Tag color="blue">{t('evaluation.members.me')}</Tag>}
              </Space>
            ),
          },
          { title: t('evaluation.members.role'), dataIndex: 'role', width: 120, render: (role: Member['role']) => t(`${w}.members.roles.${role}`) },
          { title: t('evaluation.members.signedIn'), dataIndex: 'signedIn', width: 100, align: 'center', render: (yes: boolean) => <Done yes={yes} testId="member-signed-in" /> },
          { title: t('evaluation.members.submitted'), dataIndex: 'submitted', width: 100, align: 'center', render: (yes: boolean) => <Done yes={yes} testId="member-submitted" /> },
        ]}
        onRow={(m) => ({ 'data-testid': 'member-row', 'data-seat': m.seat ?? '' }) as React.HTMLAttributes<HTMLElement>}
      />
      {children}
    </Card>
  );
}
