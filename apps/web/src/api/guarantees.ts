// E-guarantees one-stop (finance module, decision 0037): issuers and quotes, the bidder's applications,
// the premium, the signed guarantee and e-invoice; the tenderer's claims; the staff's sealed list.
import type { BeneficiaryGuaranteeView, GuaranteeApplicationView, GuaranteeClaimReason, GuaranteeClaimView, GuaranteeIssuerView } from '@bidhall/contracts';
import { api } from './client.ts';

export type { BeneficiaryGuaranteeView, GuaranteeApplicationView, GuaranteeClaimReason, GuaranteeClaimView, GuaranteeIssuerView };
export const CLAIM_REASONS: readonly GuaranteeClaimReason[] = ['withdrawnAfterDeadline', 'declinedAward', 'refusedContract', 'noPerformanceSecurity', 'fraud'];
export const APPLICATION_STATE_COLORS: Record<GuaranteeApplicationView['state'], string> = {
  applied: 'gold',
  paid: 'blue',
  issued: 'green',
  claimed: 'red',
  cancelled: 'default',
};

export const guaranteesApi = {
  issuers: (sectionId?: string) => api.get<GuaranteeIssuerView[]>('/guarantee-issuers', sectionId ? { sectionId } : {}),
  mine: (sectionId?: string) => api.get<GuaranteeApplicationView[]>('/guarantee-applications/mine', sectionId ? { sectionId } : {}),
  apply: (sectionId: string, issuerEntityId: string) => api.post<GuaranteeApplicationView>('/guarantee-applications/mine', { sectionId, issuerEntityId }),
  pay: (id: string, body: { payerAccount: string; payerName: string }) => api.post<GuaranteeApplicationView>(`/guarantee-applications/${id}/payment`, body),
  cancel: (id: string, reason?: string) => api.post<GuaranteeApplicationView>(`/guarantee-applications/${id}/cancellation`, reason ? { reason } : {}),
  /** The guarantee or the e-invoice as the issuer signed it (canonical JSON and detached CMS). */
  file: (id: string, kind: 'guarantee' | 'invoice') => api.get<unknown>(`/guarantee-applications/${id}/${kind}`),
  inMyFavour: () => api.get<BeneficiaryGuaranteeView[]>('/guarantees/in-my-favour'),
  claim: (guaranteeId: string, body: { reason: GuaranteeClaimReason; statement: string; amountFen?: string; payeeAccount: string; payeeName: string }) =>
    api.post<GuaranteeClaimView>(`/guarantees/${guaranteeId}/claims`, body),
  list: (filter: { state?: GuaranteeApplicationView['state']; limit?: number } = {}) => api.get<GuaranteeApplicationView[]>('/guarantee-applications', { ...filter }),
};
