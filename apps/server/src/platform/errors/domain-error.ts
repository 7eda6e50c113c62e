/**
 * A refusal the caller can act on. Modules declare their codes and HTTP statuses in one
 * `*.errors.ts` each; the error plugin maps codes to statuses through the registry the composition
 * root fills, so no module and no route chooses a status on its own.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type ErrorStatusMap = Readonly<Record<string, number>>;

/** Codes owned by the platform itself. */
export const platformErrors = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INPUT_CONTROL_CHARACTER: 400,
  INPUT_INVALID_UNICODE: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  ENTITY_NOT_ACTIVE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  LOG_RANGE_INVALID: 400,
} as const satisfies ErrorStatusMap;

export type PlatformErrorCode = keyof typeof platformErrors;

export class ErrorRegistry {
  private readonly statuses = new Map<string, number>();

  constructor() {
    this.register(platformErrors);
  }

  register(map: ErrorStatusMap): void {
    for (const [code, status] of Object.entries(map)) {
      const existing = this.statuses.get(code);
      if (existing !== undefined && existing !== status) {
        throw new Error(`error code ${code} registered twice with different statuses`);
      }
      this.statuses.set(code, status);
    }
  }

  statusOf(code: string): number {
    return this.statuses.get(code) ?? 500;
  }

  codes(): string[] {
    return [...this.statuses.keys()];
  }
}
