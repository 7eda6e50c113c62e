import { creditCodeProblem } from '@bidhall/contracts';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The contract's mobile number: 11 digits starting with 1. */
export const MOBILE = /^1\d{10}$/;

/** A credit code that may be left blank; when given it must be valid. */
export function optionalCreditCode(t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (!code) return;
      const problem = creditCodeProblem(code);
      if (problem === 'length') throw new Error(t('validation.creditCode.length', { count: code.length }));
      if (problem === 'characters') throw new Error(t('validation.creditCode.characters'));
      if (problem === 'checkCharacter') throw new Error(t('validation.creditCode.checkCharacter'));
    },
  };
}

export function reasonRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required') },
    { max: 500, message: t('validation.max', { max: 500 }) },
  ];
}

/** A server field error's path as the form's name: list indexes as numbers (`conflicts/employers/0/from`). */
export function formPath(segments: string[]): (string | number)[] {
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
