// GB 11643-1999 citizen identity number (公民身份号码): a 6-digit address code, an 8-digit birth date,
// a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X) over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

export type ResidentIdProblem = 'shape' | 'birthDate' | 'checkCharacter';

/** Why an identity number is invalid (upper-case X expected), or null when it is valid. */
export function residentIdProblem(id: string): ResidentIdProblem | null {
  if (!SHAPE.test(id)) return 'shape';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birthDate';
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17) ? null : 'checkCharacter';
}
