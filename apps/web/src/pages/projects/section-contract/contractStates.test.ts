import { describe, expect, it } from 'vitest';
import { contractStep, endOfDay, signedBy } from './contractStates.ts';

describe('contract states on the web', () => {
  it('steps follow the server’s states; the due day ends at midnight in Shanghai', () => {
    expect(contractStep(null)).toBe(-1);
    expect(contractStep({ state: 'verified' })).toBe(2);
    expect(Date.parse(endOfDay('2026-04-01'))).toBe(Date.parse('2026-04-01T15:59:59.999Z'));
    expect(
      signedBy(
        { signatures: [{ side: 'winner', entityName: 'w', contentSm3: 'a', certificateFingerprint: 'f', signedAt: '' }] },
        'winner',
      ),
    ).toBe(true);
  });
});
