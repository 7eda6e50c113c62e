import 'i18next';
import type zhCN from './zh-CN.ts';
import type projectsZhCN from './projects.zh-CN.ts';
import type portalZhCN from './portal.zh-CN.ts';
import type bidderZhCN from './bidder.zh-CN.ts';
import type deskZhCN from './desk.zh-CN.ts';
import type exchangeZhCN from './exchange.zh-CN.ts';
import type problemsZhCN from './problems.zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof projectsZhCN & typeof portalZhCN & typeof bidderZhCN & typeof deskZhCN & typeof exchangeZhCN & { errors: typeof problemsZhCN } };
  }
}
