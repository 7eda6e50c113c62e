// Fees and performance bonds (decision 0038): a region's fee schedule, the charges computed at the award
// and their settlement; the winner's performance bond of a section.
import type {
  FeeChargeView,
  FeePayment,
  FeeScheduleInput,
  FeeScheduleView,
  FeeStaffSettlement,
  PerformanceBondView,
} from '@bidhall/contracts';
import { api } from './client.ts';

const bond = (sectionId: string) => `/sections/${encodeURIComponent(sectionId)}/performance-bond`;

export const feesApi = {
  schedules: (regionCode?: string) => api.get<FeeScheduleView[]>('/fee-schedules', regionCode ? { regionCode } : {}),
  setSchedule: (body: FeeScheduleInput) => api.put<FeeScheduleView>('/fee-schedules', body),
  charges: (filter: { state?: 'due' | 'settled'; sectionId?: string } = {}) =>
    api.get<FeeChargeView[]>('/fee-charges', { ...filter }),
  myCharges: () => api.get<FeeChargeView[]>('/fee-charges/mine'),
  settle: (chargeId: string, body: FeeStaffSettlement) =>
    api.post<FeeChargeView>(`/fee-charges/${encodeURIComponent(chargeId)}/settlement`, body),
  pay: (chargeId: string, body: FeePayment) =>
    api.post<FeeChargeView>(`/fee-charges/${encodeURIComponent(chargeId)}/payment`, body),
  bond: (sectionId: string) => api.get<PerformanceBondView>(bond(sectionId)),
  requireBond: (sectionId: string, amountFen: string) => api.put<PerformanceBondView>(bond(sectionId), { amountFen }),
  openBondAccount: (sectionId: string) => api.post<PerformanceBondView>(`${bond(sectionId)}/account`, {}),
  furnishGuarantee: (sectionId: string, guaranteeNumber: string) =>
    api.post<PerformanceBondView>(`${bond(sectionId)}/guarantee`, { guaranteeNumber }),
  releaseBond: (sectionId: string, reason: string) => api.post<PerformanceBondView>(`${bond(sectionId)}/release`, { reason }),
};
