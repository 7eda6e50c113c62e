/** Test helper: one fictional multi-CA PKI, made once per test file. */
import { createDemoPki, issueEntityCertificate, type DemoCa } from '../cert/demo-pki.ts';

export const NOW = new Date('2026-06-01T08:00:00Z');
export const DAY = 86_400_000;

export async function makePki() {
  const cas = await createDemoPki(NOW);
  const [gmA, gmB, intl] = cas as [DemoCa, DemoCa, DemoCa];
  const validity = { notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() + 365 * DAY) };
  const bidderA = await issueEntityCertificate(gmA, { entityName: '杭州示例建设工程有限公司（虚构）', creditCode: '91330100MA2XXXXX1A', ...validity });
  const bidderB = await issueEntityCertificate(gmB, { entityName: '宁波演示路桥集团有限公司（虚构）', ...validity });
  const bidderC = await issueEntityCertificate(intl, { entityName: 'Example Engineering Ltd (fictional)', ...validity });
  return { cas, gmA, gmB, intl, bidderA, bidderB, bidderC, validity };
}
