import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityProfileFields } from '../../components/EntityProfileFields.tsx';

/** ② The entity's data, as on its business licence. */
export function EntityStep() {
  const { t } = useTranslation();
  return (
    <div className="wizard-step">
      <Alert type="info" showIcon title={t('register.entity.lead')} className="form-alert" />
      <EntityProfileFields prefix={['entity']} />
    </div>
  );
}
