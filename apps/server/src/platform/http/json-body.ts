import { DomainError } from '../errors/domain-error.ts';

/**
 * For a route that reads a JSON body as bytes (its own content-type parser): MALFORMED_JSON, as the
 * platform's JSON parser would answer, when the text does not parse; null when it does.
 */
export function malformedJson(text: string): DomainError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return new DomainError('MALFORMED_JSON', `the body is not JSON: ${(err as Error).message}`);
  }
}
