/** The instants of a section's timetable, in the order they normally happen. */
export const TIMETABLE_FIELDS = [
  'prequalificationNoticeStart',
  'prequalificationNoticeEnd',
  'prequalificationDocumentIssueStart',
  'prequalificationDocumentIssueEnd',
  'prequalificationQuestionsDeadline',
  'prequalificationClarificationIssuedAt',
  'applicationDeadline',
  'documentIssueStart',
  'documentIssueEnd',
  'questionsDeadline',
  'clarificationIssuedAt',
  'bidDeadline',
] as const;

export type TimetableField = (typeof TIMETABLE_FIELDS)[number];

/** The fields that belong to the prequalification stage (资格预审). */
export const PREQUALIFICATION_FIELDS: readonly TimetableField[] = Object.freeze([
  'prequalificationNoticeStart',
  'prequalificationNoticeEnd',
  'prequalificationDocumentIssueStart',
  'prequalificationDocumentIssueEnd',
  'prequalificationQuestionsDeadline',
  'prequalificationClarificationIssuedAt',
  'applicationDeadline',
]);

interface FieldText {
  /** The field as a noun phrase: "the bid deadline". */
  readonly noun: string;
  /** The event as a clause, after "after …": "the tender documents are first issued". */
  readonly event: string;
}

const TEXT: Readonly<Record<TimetableField, FieldText>> = {
  prequalificationNoticeStart: {
    noun: 'the publication of the prequalification notice',
    event: 'the prequalification notice is published',
  },
  prequalificationNoticeEnd: {
    noun: 'the end of the prequalification notice period',
    event: 'the prequalification notice period ends',
  },
  prequalificationDocumentIssueStart: {
    noun: 'the start of prequalification document issue',
    event: 'the prequalification documents are first issued',
  },
  prequalificationDocumentIssueEnd: {
    noun: 'the end of prequalification document issue',
    event: 'the prequalification documents stop being issued',
  },
  prequalificationQuestionsDeadline: {
    noun: 'the deadline for questions on the prequalification documents',
    event: 'questions on the prequalification documents close',
  },
  prequalificationClarificationIssuedAt: {
    noun: 'the clarification of the prequalification documents',
    event: 'the clarification or modification of the prequalification documents is issued',
  },
  applicationDeadline: {
    noun: 'the prequalification application deadline',
    event: 'prequalification applications close',
  },
  documentIssueStart: { noun: 'the start of tender document issue', event: 'the tender documents are first issued' },
  documentIssueEnd: { noun: 'the end of tender document issue', event: 'the tender documents stop being issued' },
  questionsDeadline: {
    noun: 'the deadline for questions on the tender documents',
    event: 'questions on the tender documents close',
  },
  clarificationIssuedAt: {
    noun: 'the clarification of the tender documents',
    event: 'the clarification or modification of the tender documents is issued',
  },
  bidDeadline: { noun: 'the bid deadline', event: 'bids close' },
};

export function fieldNoun(field: TimetableField, capitalised = false): string {
  const noun = TEXT[field].noun;
  return capitalised ? noun.charAt(0).toUpperCase() + noun.slice(1) : noun;
}

export function fieldEvent(field: TimetableField): string {
  return TEXT[field].event;
}
