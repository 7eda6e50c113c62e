import { creditCodeProblem, residentIdProblem } from '@bidhall/contracts';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

// Client-side mirrors of the contract's rules, with localised messages; the server checks again.
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export function requiredText(t: TFunction, max: number): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required') },
    { max, message: t('validation.max', { max }) },
  ];
}

export function creditCodeRule(t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (!code) throw new Error(t('validation.required'));
      const problem = creditCodeProblem(code);
      if (problem === 'length') throw new Error(t('validation.creditCode.length', { count: code.length }));
      if (problem === 'characters') throw new Error(t('validation.creditCode.characters'));
      if (problem === 'checkCharacter') throw new Error(t('validation.creditCode.checkCharacter'));
    },
  };
}

/** A citizen identity number (GB 11643-1999); empty passes unless `required`. */
export function residentIdRule(t: TFunction, required: boolean): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (!id) {
        if (required) throw new Error(t('validation.required'));
        return;
      }
      const problem = residentIdProblem(id);
      if (problem) throw new Error(t(`validation.residentId.${problem}`));
    },
  };
}

export function passwordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.required') },
    { min: 10, message: t('validation.password.min') },
    { max: 128, message: t('validation.max', { max: 128 }) },
    {
      validator: async (_rule, value: unknown) => {
        const p = typeof value === 'string' ? value : '';
        if (p && !(/[A-Za-z]/.test(p) && /\d/.test(p))) throw new Error(t('validation.password.mix'));
      },
    },
  ];
}

export function usernameRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.required') },
    { pattern: USERNAME, message: t('validation.username') },
  ];
}
