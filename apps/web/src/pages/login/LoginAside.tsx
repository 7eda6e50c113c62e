import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function LoginAside() {
  const { t } = useTranslation();
  const points = [t('login.aside.point1'), t('login.aside.point2'), t('login.aside.point3'), t('login.aside.point4')];
  return (
    <div className="login-aside">
      <h2>{t('login.aside.title')}</h2>
      <p>{t('login.aside.lead')}</p>
      <ul>
        {points.map((p) => (
          <li key={p}>
            <CheckCircleOutlined /> {p}
          </li>
        ))}
      </ul>
    </div>
  );
}
