export { EffectiveDocumentsPanel } from './EffectiveDocumentsPanel.tsx';
