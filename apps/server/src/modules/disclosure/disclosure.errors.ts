/** Disclosure's refusals and their HTTP statuses, registered with the error plugin. */
export const disclosureErrors = {
  /** The notice's HTML carries script, event handlers or script URLs; `details.problems` names them. */
  NOTICE_HTML_UNSAFE: 422,
  PUBLICATION_INVALID: 422,
  PUBLICATION_NOT_FOUND: 404,
  PUBLICATION_STATE_CONFLICT: 409,
  CURSOR_INVALID: 400,
} as const;

export type DisclosureErrorCode = keyof typeof disclosureErrors;
