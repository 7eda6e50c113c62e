import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.ts';
import zhCN from './zh-CN.ts';
import projectsEn from './projects.en.ts';
import projectsZhCN from './projects.zh-CN.ts';
import portalEn from './portal.en.ts';
import portalZhCN from './portal.zh-CN.ts';
import bidderEn from './bidder.en.ts';
import bidderZhCN from './bidder.zh-CN.ts';
import deskEn from './desk.en.ts';
import deskZhCN from './desk.zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'bidhall.lang';

export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(LANG_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...projectsZhCN, ...portalZhCN, ...bidderZhCN, ...deskZhCN } }, en: { translation: { ...en, ...projectsEn, ...portalEn, ...bidderEn, ...deskEn } } },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
