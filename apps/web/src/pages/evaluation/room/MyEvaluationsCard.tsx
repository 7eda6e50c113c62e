import { AuditOutlined, CrownOutlined } from '@ant-design/icons';
import type { MyEvaluationItem } from '@bidhall/contracts';
import { Button, Card, Empty, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { evaluationApi } from '../../../api/evaluation.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { roomPath, roomWords } from '../sitting.ts';

const STATE_COLOURS: Record<MyEvaluationItem['state'], string> = { notOpened: 'default', open: 'processing', scoring: 'blue', summarised: 'success' };

/**
 * 我的评标: the evaluations the caller sits in, each with its window, its own progress and the way into the
 * room — a prequalification review (资格审查, decision 0032) tagged as such, into the review room.
 */
export function MyEvaluationsCard() {
  const { t } = useTranslation();
  const mine = useLoader(() => evaluationApi.mine(), []);
  const items = mine.data ?? [];
  return (
    <Card title={<Space><AuditOutlined />{t('evaluation.links.rooms')}</Space>} data-testid="my-evaluations" loading={!mine.data && !mine.error}>
      <ProblemAlert error={mine.error} />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.links.none')} />
      ) : (
        <List
          dataSource={items}
          rowKey={(e) => `${e.sectionId}/${e.sitting}`}
          renderItem={(e) => (
            <List.Item
              data-testid="my-evaluation"
              data-sitting={e.sitting}
              actions={[
                <Link key="room" to={roomPath(e.sectionId, e.sitting)} data-testid="my-evaluation-room">
                  <Button type={e.window.openNow && !e.submitted ? 'primary' : 'default'}>{t(`${roomWords(e.sitting)}.links.room`)}</Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {e.sectionName}
                    {e.sitting === 'application' && <Tag color="purple" data-testid="my-evaluation-sitting">{t('evaluation.sittings.application')}</Tag>}
                    <Tag color={STATE_COLOURS[e.state]}>{t(`evaluation.states.${e.state}`)}</Tag>
                    {e.chair && <Tag color="gold" icon={<CrownOutlined />}>{t('evaluation.members.chair')}</Tag>}
                  </Space>
                }
                description={
                  <Space wrap split="·">
                    <span>{t(`${roomWords(e.sitting)}.window.range`, { start: formatTime(e.window.startsAt), end: formatTime(e.window.endsAt) })}</span>
                    <span>{t(e.signedIn ? 'evaluation.members.signedIn' : 'evaluation.signIn.title')}</span>
                    {e.submitted && <span>{t('evaluation.members.submitted')}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
