import type { EntityProfile, RegisterEntityRequest, VersionedText } from '../../api/types.ts';

/** Everything the wizard's single form holds, across its steps. */
export interface WizardValues {
  agreementAccepted?: boolean;
  entity: EntityProfile;
  account: { username: string; displayName: string; password: string; confirm?: string };
  mode?: 'sign' | 'review';
  commitmentSigned?: boolean;
}

/** Form field names of each step, validated before moving on. */
export const STEP_FIELDS: (string | number)[][][] = [
  [['agreementAccepted']],
  [
    'name',
    'creditCode',
    'roles',
    'regionCode',
    'legalRepresentative',
    'contactName',
    'contactPhone',
    'contactEmail',
    'address',
  ].map((f) => ['entity', f]),
  [
    ['account', 'username'],
    ['account', 'displayName'],
    ['account', 'password'],
    ['account', 'confirm'],
  ],
  [['mode'], ['commitmentSigned']],
];

/** The step holding a field, for jumping back to a field the server refused. */
export function stepOfField(name: (string | number)[]): number {
  if (name[0] === 'entity') return 1;
  if (name[0] === 'account') return 2;
  if (name[0] === 'commitment') return 3;
  return 0;
}

export function trimProfile(p: EntityProfile): EntityProfile {
  const email = p.contactEmail?.trim();
  return {
    name: p.name.trim(),
    creditCode: p.creditCode.trim().toUpperCase(),
    roles: p.roles,
    regionCode: p.regionCode,
    legalRepresentative: p.legalRepresentative.trim(),
    contactName: p.contactName.trim(),
    contactPhone: p.contactPhone.trim(),
    ...(email ? { contactEmail: email } : {}),
    address: p.address.trim(),
  };
}

export function buildRequest(
  values: WizardValues,
  texts: { agreement: VersionedText; commitment: VersionedText },
  draft: boolean,
): RegisterEntityRequest {
  return {
    agreement: { version: texts.agreement.version, accepted: true },
    entity: trimProfile(values.entity),
    account: {
      username: values.account.username.trim().toLowerCase(),
      displayName: values.account.displayName.trim(),
      password: values.account.password,
    },
    // A draft is not signed; the commitment is signed when the draft is submitted.
    commitment: {
      version: texts.commitment.version,
      accepted: !draft && values.mode === 'sign' && values.commitmentSigned === true,
    },
    draft,
  };
}
