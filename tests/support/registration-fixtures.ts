import { creditCodeCheckChar, INTEGRITY_COMMITMENT, USER_AGREEMENT, type EntityRole } from '@bidhall/contracts';
import { TEST_PASSWORD } from './test-app.ts';

let counter = 0;

/** A valid, unique unified social credit code in the given region. */
export function uniqueCreditCode(region = '150602'): string {
  counter++;
  const org = `MA${String(counter + Math.floor(Math.random() * 1e6)).padStart(7, '0')}`.slice(0, 9);
  const first17 = `91${region}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

export function registrationBody(
  overrides: { name?: string; username?: string; roles?: EntityRole[]; commitment?: boolean; region?: string; draft?: boolean; creditCode?: string } = {},
) {
  counter++;
  const region = overrides.region ?? '150602';
  return {
    agreement: { version: USER_AGREEMENT.version, accepted: true },
    entity: {
      name: overrides.name ?? `测试建设有限公司${counter}${Math.floor(Math.random() * 1e6)}`,
      creditCode: overrides.creditCode ?? uniqueCreditCode(region),
      roles: overrides.roles ?? ['bidder'],
      regionCode: region,
      legalRepresentative: '张三',
      contactName: '李四',
      contactPhone: '13912345678',
      contactEmail: 'contact@example.cn',
      address: '鄂尔多斯市东胜区测试路8号',
    },
    account: { username: overrides.username ?? `user${counter}x${Math.floor(Math.random() * 1e6)}`, displayName: '李四', password: TEST_PASSWORD },
    commitment: { version: INTEGRITY_COMMITMENT.version, accepted: overrides.commitment ?? true },
    draft: overrides.draft ?? false,
  };
}
