/** The appraisal's refusals and their HTTP statuses, registered with the error plugin. */
export const appraisalErrors = {
  /** No section by that id (or one the caller may not know of). */
  SECTION_NOT_FOUND: 404,
  /** No agency by that id: no market entity with the agency role. */
  AGENCY_NOT_FOUND: 404,
  /** Only the section's tenderer and the staff of its region rate its agency; never the agency itself. */
  AGENCY_RATING_NOT_ALLOWED: 403,
  /** The section's agency is not rated now (details.reason: noAgency — the tenderer ran it itself; notDecided — no award decision yet). */
  AGENCY_RATING_NOT_OPEN: 409,
  /** The caller (for a tenderer: its entity) has rated the section's agency already: once per rater and section. */
  AGENCY_RATED: 409,
  /** The record names a section the agency did not run. */
  AGENCY_RECORD_SECTION_MISMATCH: 422,
  /** A record's date is after today. */
  AGENCY_RECORD_DATE_INVALID: 422,
} as const;
