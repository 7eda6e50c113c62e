import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

/** A message for any failure: the localised text of a known problem code, else the server's detail. */
export function problemMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (t(key as never, { defaultValue: '' }) !== '') return t(key as never);
    return err.detail ?? t('errors.generic');
  }
  return t('errors.generic');
}

/** Problem codes that belong to one form field, by the field's name inside the entity/account data. */
const FIELD_OF_CODE: Record<string, string> = {
  ENTITY_NAME_TAKEN: 'name',
  ENTITY_CREDIT_CODE_TAKEN: 'creditCode',
  USERNAME_TAKEN: 'username',
  REGION_UNKNOWN: 'regionCode',
};

export function fieldOfCode(code: string): string | undefined {
  return FIELD_OF_CODE[code];
}

export interface FieldProblem {
  name: (string | number)[];
  errors: string[];
}

/**
 * A problem's per-field errors (paths like `body/entity/name`) and code-specific field errors, as
 * form fields. `toName` maps a path's segments to the form's field name, or undefined to skip it.
 */
export function problemFields(
  t: TFunction,
  err: unknown,
  toName: (segments: string[]) => (string | number)[] | undefined = (s) => s,
): FieldProblem[] {
  if (!(err instanceof ApiError)) return [];
  const byField = new Map<string, FieldProblem>();
  const add = (name: (string | number)[] | undefined, message: string) => {
    if (!name || name.length === 0) return;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  };
  for (const e of err.fieldErrors) {
    const segments = e.path.split('/').filter(Boolean);
    if (segments[0] === 'body') segments.shift();
    add(toName(segments), e.message);
  }
  const field = fieldOfCode(err.code);
  if (field) add(toName(field === 'username' ? ['account', field] : ['entity', field]), problemMessage(t, err));
  return [...byField.values()];
}

/** Marks a problem's field errors on a form; true when at least one field was marked. */
export function applyProblemToForm(
  t: TFunction,
  form: FormInstance,
  err: unknown,
  toName?: (segments: string[]) => (string | number)[] | undefined,
): boolean {
  const fields = problemFields(t, err, toName);
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
