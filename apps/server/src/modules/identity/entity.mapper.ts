import type { EntityChangeView, EntityProfile, EntityView } from '@bidhall/contracts';
import type { EntityChangeTable, MarketEntityTable } from './identity.tables.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const json = (v: Record<string, unknown> | string) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : v);

export function toEntityView(r: MarketEntityTable): EntityView {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    roles: r.roles as EntityView['roles'],
    regionCode: r.region_code,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    address: r.address,
    status: r.status as EntityView['status'],
    admission: r.admission as EntityView['admission'],
    postCheck: r.post_check as EntityView['postCheck'],
    agreementVersion: r.agreement_version,
    agreementAcceptedAt: r.agreement_accepted_at.toISOString(),
    commitmentVersion: r.commitment_version,
    commitmentSignedAt: iso(r.commitment_signed_at),
    applicantUserId: r.applicant_user_id,
    submittedAt: iso(r.submitted_at),
    verifiedBy: r.verified_by,
    verifiedAt: iso(r.verified_at),
    verificationNote: r.verification_note,
    statusReason: r.status_reason,
    statusChangedBy: r.status_changed_by,
    statusChangedAt: iso(r.status_changed_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toChangeView(r: EntityChangeTable): EntityChangeView {
  return {
    id: r.id,
    entityId: r.entity_id,
    status: r.status as EntityChangeView['status'],
    proposed: json(r.proposed) as ProfilePatch,
    previous: json(r.previous) as ProfilePatch,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    verifiedBy: r.verified_by,
    verifiedAt: iso(r.verified_at),
    verificationNote: r.verification_note,
  };
}

/** Profile fields as database columns. */
/** A profile with an e-mail that a change may clear. */
export type ProfilePatch = Partial<Omit<EntityProfile, 'contactEmail'> & { contactEmail: string | null }>;

export function profileColumns(p: ProfilePatch): Partial<MarketEntityTable> {
  const c: Partial<MarketEntityTable> = {};
  if (p.name !== undefined) c.name = p.name;
  if (p.creditCode !== undefined) c.credit_code = p.creditCode;
  if (p.roles !== undefined) c.roles = p.roles;
  if (p.regionCode !== undefined) c.region_code = p.regionCode;
  if (p.legalRepresentative !== undefined) c.legal_representative = p.legalRepresentative;
  if (p.contactName !== undefined) c.contact_name = p.contactName;
  if (p.contactPhone !== undefined) c.contact_phone = p.contactPhone;
  if (p.contactEmail !== undefined) c.contact_email = p.contactEmail ?? null;
  if (p.address !== undefined) c.address = p.address;
  return c;
}

export function profileOf(v: EntityView): EntityProfile {
  return {
    name: v.name,
    creditCode: v.creditCode,
    roles: v.roles,
    regionCode: v.regionCode,
    legalRepresentative: v.legalRepresentative,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    ...(v.contactEmail ? { contactEmail: v.contactEmail } : {}),
    address: v.address,
  };
}
