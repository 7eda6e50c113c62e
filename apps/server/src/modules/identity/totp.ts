import { generateSecret, generateURI, verifySync } from 'otplib';

/** otplib's default period. */
const STEP_SECONDS = 30;

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
  const epoch = Math.floor(at.getTime() / 1000);
  // A step used ahead of this clock's window (the clock was set back) leaves no code to accept; otplib
  // throws on it, which must read as a wrong code, not a failure.
  if (lastStep !== null && lastStep > Math.floor(epoch / STEP_SECONDS) + 1) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
