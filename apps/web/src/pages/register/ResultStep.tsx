import { Button, Descriptions, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../api/types.ts';
import { EntityStatusTag } from '../../components/StatusTags.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';

/** ⑤ What happened: admitted at once, waiting for review, or saved as a draft. */
export function ResultStep({ entity, username }: { entity: EntityView; username: string }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const outcome = entity.status === 'active' ? 'admitted' : entity.status === 'draft' ? 'draft' : 'pending';
  return (
    <Result
      status={outcome === 'admitted' ? 'success' : 'info'}
      title={t(`register.result.${outcome}.title`)}
      subTitle={t(`register.result.${outcome}.desc`)}
      data-testid="register-result"
      extra={[
        <Link key="login" to={`/login?username=${encodeURIComponent(username)}`}>
          <Button type="primary" data-testid="register-go-login">
            {t('register.result.goLogin')}
          </Button>
        </Link>,
        <Link key="home" to="/">
          <Button>{t('register.result.goHome')}</Button>
        </Link>,
      ]}
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('fields.name'), children: entity.name },
          { key: 'code', label: t('fields.creditCode'), children: <span className="mono">{entity.creditCode}</span> },
          { key: 'region', label: t('fields.regionCode'), children: regionName(entity.regionCode) },
          {
            key: 'status',
            label: t('fields.status'),
            children: <EntityStatusTag status={entity.status} testId="register-status" />,
          },
          { key: 'username', label: t('fields.username'), children: username },
        ]}
      />
    </Result>
  );
}
