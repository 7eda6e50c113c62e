import { createHash } from 'node:crypto';
import { residentIdCheckChar } from '@bidhall/contracts';

/** A valid, fictional citizen identity number, the same for the same seed (a person in a test). */
export function testPersonId(seed: string): string {
  const h = createHash('sha256').update(seed).digest().readUInt32BE(0);
  const birth = new Date(Date.UTC(1960, 0, 1) + (h % 14_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `150602${birth}${String(Math.floor(h / 14_000) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
