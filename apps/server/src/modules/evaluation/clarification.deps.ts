import type { ClarificationPorts } from './clarification.ports.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';

export type { BoundCertificatePort, ClarificationPorts } from './clarification.ports.ts';

export type ClarificationDeps = Pick<EvaluationDeps, 'db' | 'clock' | 'audit' | 'sections' | 'notify'> & ClarificationPorts;
