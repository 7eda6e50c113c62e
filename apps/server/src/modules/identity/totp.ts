import { generateSecret, generateURI, verifySync } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'bidhall', label: username, secret });
}

/**
 * Checks a six-digit code at the given time, allowing one step of clock drift, and refuses a step at
 * or before the last one used so a code cannot be replayed. Returns the step to remember, or null.
 */
export function checkTotp(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
