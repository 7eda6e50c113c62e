import { AuditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Sitting } from '../../api/opening.ts';
import { hallPagePath, hallWords } from './sitting.ts';

const TEST_IDS: Record<Sitting, string> = { bid: 'hall-link', application: 'application-hall-link' };

/** Buttons into a section's halls: 资格预审申请文件开启 for a prequalification section's applications, 开标大厅 for its bids. */
export function HallLinks({ sectionId, sittings, primary = false }: { sectionId: string; sittings: readonly Sitting[]; primary?: boolean }) {
  const { t } = useTranslation();
  if (sittings.length === 0) return null;
  return (
    <Space wrap>
      {sittings.map((sitting) => (
        <Link key={sitting} to={hallPagePath(sectionId, sitting)} data-testid={TEST_IDS[sitting]}>
          <Button type={primary ? 'primary' : 'default'} icon={<AuditOutlined />}>
            {t(`${hallWords(sitting)}.enter`)}
          </Button>
        </Link>
      ))}
    </Space>
  );
}
