// The contract (合同, decision 0036): drafted by the tenderer from the award, verified by staff, e-signed by
// the tenderer and the winner, published; performance records of both sides and verified changes.
import type {
  ContractArchive,
  ContractChangeInput,
  ContractChangeView,
  ContractInput,
  ContractSignInput,
  ContractStandingView,
  ContractVerification,
  ContractView,
  MyContractItem,
  PerformanceInput,
  PerformanceView,
} from '@bidhall/contracts';
import { api } from './client.ts';

const base = (sectionId: string) => `/sections/${encodeURIComponent(sectionId)}/contract`;

export const contractApi = {
  standing: (sectionId: string) => api.get<ContractStandingView>(base(sectionId)),
  save: (sectionId: string, body: ContractInput) => api.put<ContractView>(base(sectionId), body),
  submit: (sectionId: string) => api.post<ContractView>(`${base(sectionId)}/submit`, {}),
  verify: (sectionId: string, body: ContractVerification) => api.post<ContractView>(`${base(sectionId)}/verification`, body),
  sign: (sectionId: string, body: ContractSignInput) => api.post<ContractView>(`${base(sectionId)}/signatures`, body),
  performance: (sectionId: string) => api.get<PerformanceView[]>(`${base(sectionId)}/performance`),
  record: (sectionId: string, body: PerformanceInput) => api.post<PerformanceView>(`${base(sectionId)}/performance`, body),
  changes: (sectionId: string) => api.get<ContractChangeView[]>(`${base(sectionId)}/changes`),
  propose: (sectionId: string, body: ContractChangeInput) => api.post<ContractChangeView>(`${base(sectionId)}/changes`, body),
  verifyChange: (sectionId: string, changeId: string, body: ContractVerification) =>
    api.post<ContractChangeView>(`${base(sectionId)}/changes/${encodeURIComponent(changeId)}/verification`, body),
  /** Task 18: the concluded contract's archive package (409 CONTRACT_STATE_CONFLICT before it is concluded). */
  archive: (sectionId: string) => api.get<ContractArchive>(`${base(sectionId)}/archive`),
  mine: () => api.get<MyContractItem[]>('/contracts/mine'),
};
