/** Requirements of a section as GET /sections/:id/bidding answers them, with real custodian keys, for the bid tool's unit tests. */
import { randomUUID } from 'node:crypto';
import type { BiddingRequirements } from '@bidhall/contracts';
import { gmSuite, keyId, publicKeyToPem, type PrivateKey } from '@bidhall/crypto';
import { custodianSetSm3 } from '../bid-seal.ts';

export interface RequirementsFixture {
  req: BiddingRequirements;
  custodianKeys: PrivateKey[];
}

export function requirementsFixture(over: { bondRequired?: boolean; open?: boolean } = {}): RequirementsFixture {
  const custodianKeys = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
  const holders = ['centre', 'supervisor', 'tenderer'] as const;
  const custodians = custodianKeys.map((k, i) => ({
    index: i + 1,
    label: `custodian ${i + 1}`,
    keyId: keyId(k.publicKey),
    publicKeyPem: publicKeyToPem(k.publicKey),
    holder: holders[i]!,
  }));
  const req: BiddingRequirements = {
    sectionId: randomUUID(),
    sectionCode: 'S-001',
    sectionName: '一标段 施工',
    round: 1,
    tendererName: '某某建设单位',
    sitting: 'bid',
    document: {
      kind: 'tender',
      id: randomUUID(),
      version: 2,
      contentSm3: 'a'.repeat(64),
      parts: [
        { key: 'commercial', name: '商务文件', required: true, fileTypes: ['pdf'], maxSizeMiB: 5 },
        { key: 'technical', name: '技术文件', required: true, fileTypes: ['pdf', 'docx'], maxSizeMiB: 5 },
        { key: 'drawings', name: '图纸', required: false, fileTypes: ['dwg', 'zip'], maxSizeMiB: 1 },
      ],
      bidSummaryFields: [
        { key: 'price', label: '投标报价', type: 'money', required: true, unit: '元' },
        { key: 'durationDays', label: '工期', type: 'integer', required: true, unit: '日历天' },
        { key: 'quality', label: '质量标准', type: 'select', required: true, options: ['合格', '优良'] },
        { key: 'remark', label: '备注', type: 'text', required: false },
      ],
      requirements: [{ key: 'durationDays', label: '工期', value: '180' }],
    },
    bidDeadline: '2026-12-20T02:00:00.000Z',
    serverTime: '2026-12-04T11:00:00.000Z',
    open: over.open ?? true,
    sealing: { suites: ['gm', 'intl'], custodians, threshold: 2, custodianSetSm3: custodianSetSm3(2, custodians) },
    bond:
      over.bondRequired === false
        ? { required: false, amountFen: null, forms: [] }
        : { required: true, amountFen: '2000000', forms: ['deposit', 'guarantee'] },
  };
  return { req, custodianKeys };
}

/** Valid resident ID numbers (check characters computed). */
export const RESIDENT_IDS = ['110101199003077571', '11010519491231002X', '320102198506150014'];
