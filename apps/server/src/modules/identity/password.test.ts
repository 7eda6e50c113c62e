import { describe, expect, it } from 'vitest';
import { createPasswordHasher, DEFAULT_PASSWORD_COST } from './password.ts';

describe('password hashes (decision 0047)', () => {
  it("hashes at OWASP's scrypt floor by default, and the parameters travel with the hash", async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(17);
    const stored = await createPasswordHasher().hash('correct horse');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await createPasswordHasher(10).verify('correct horse', stored)).toBe(true);
  });

  it('a hash made at another cost verifies by its own parameters; a wrong password, a foreign scheme and no hash do not', async () => {
    const cheap = createPasswordHasher(10);
    const stored = await cheap.hash('correct horse');
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await createPasswordHasher(12).verify('correct horse', stored)).toBe(true);
    expect(await cheap.verify('correct horsE', stored)).toBe(false);
    expect(await cheap.verify('correct horse', `bcrypt${stored.slice(6)}`)).toBe(false);
    expect(await cheap.verify('correct horse', undefined)).toBe(false);
    expect(await cheap.hash('correct horse')).not.toBe(stored);
  });

  it('refuses a cost outside 10…18', () => {
    for (const cost of [9, 19, 12.5]) expect(() => createPasswordHasher(cost), String(cost)).toThrow(RangeError);
  });
});
