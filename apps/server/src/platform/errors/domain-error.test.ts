import { describe, expect, it } from 'vitest';
import { ErrorRegistry } from './domain-error.ts';

describe('error registry', () => {
  it('maps module codes to statuses and unknown codes to 500', () => {
    const r = new ErrorRegistry();
    r.register({ THING_TAKEN: 409 });
    expect(r.statusOf('THING_TAKEN')).toBe(409);
    expect(r.statusOf('VALIDATION_FAILED')).toBe(400);
    expect(r.statusOf('NEVER_DECLARED')).toBe(500);
  });

  it('refuses one code with two statuses', () => {
    const r = new ErrorRegistry();
    r.register({ THING_TAKEN: 409 });
    expect(() => r.register({ THING_TAKEN: 400 })).toThrow(/registered twice/);
  });
});
