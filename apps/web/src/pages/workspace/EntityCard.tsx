import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../api/types.ts';
import { AdmissionTag, EntityStatusTag, PostCheckTag, RoleTags } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';

/** The entity's registered data and how it was admitted. */
export function EntityCard({ entity }: { entity: EntityView }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  return (
    <Card
      className="workspace-card"
      title={
        <span className="entity-card-title">
          <span>{entity.name}</span>
          <EntityStatusTag status={entity.status} testId="entity-status" />
        </span>
      }
      data-testid="entity-card"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'creditCode', label: t('fields.creditCode'), children: <span className="mono">{entity.creditCode}</span> },
          { key: 'roles', label: t('fields.roles'), children: <RoleTags roles={entity.roles} /> },
          { key: 'region', label: t('fields.regionCode'), children: regionName(entity.regionCode) },
          { key: 'legal', label: t('fields.legalRepresentative'), children: entity.legalRepresentative },
          { key: 'contact', label: t('fields.contactName'), children: entity.contactName },
          { key: 'phone', label: t('fields.contactPhone'), children: entity.contactPhone },
          { key: 'email', label: t('fields.contactEmail'), children: entity.contactEmail ?? '—' },
          { key: 'address', label: t('fields.address'), children: entity.address, span: 'filled' as const },
        ]}
      />
      <div className="card-subheading">{t('workspace.admission.title')}</div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'admission', label: t('workspace.admission.way'), children: <AdmissionTag value={entity.admission} /> },
          { key: 'postCheck', label: t('workspace.admission.postCheck'), children: <PostCheckTag value={entity.postCheck} /> },
          { key: 'submitted', label: t('workspace.admission.submittedAt'), children: formatTime(entity.submittedAt) },
          {
            key: 'commitment',
            label: t('workspace.admission.commitment'),
            children: entity.commitmentSignedAt
              ? t('workspace.admission.signed', {
                  version: entity.commitmentVersion,
                  time: formatTime(entity.commitmentSignedAt),
                })
              : t('workspace.admission.notSigned'),
          },
          {
            key: 'agreement',
            label: t('workspace.admission.agreement'),
            children: t('workspace.admission.accepted', {
              version: entity.agreementVersion,
              time: formatTime(entity.agreementAcceptedAt),
            }),
          },
          { key: 'verified', label: t('workspace.admission.verifiedAt'), children: formatTime(entity.verifiedAt) },
          ...(entity.verificationNote
            ? [{ key: 'note', label: t('workspace.admission.note'), children: entity.verificationNote, span: 'filled' as const }]
            : []),
        ]}
      />
    </Card>
  );
}
