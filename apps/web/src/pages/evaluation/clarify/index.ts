// The committee's side of evaluation clarifications (评标澄清, decision 0029), mounted by the evaluation room.
export { ClarificationsPanel } from './ClarificationsPanel.tsx';
export { ClarificationAnswer } from './ClarificationAnswer.tsx';
export { RequestModal } from './RequestModal.tsx';
