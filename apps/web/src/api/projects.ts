import type {
  agencyContractCreate,
  agencyContractView,
  EntryFormRequest,
  EntryFormView,
  entryFormList,
  mandateInput,
  PrefillView,
  projectDetail,
  ProjectsQuery,
  SectionDetail,
  sectionList,
  sectionPatch,
  SubmissionReviewRequest,
  tenderingPlanCreate,
  TenderingPlanInput,
  TenderingPlanList,
  TenderingPlanView,
  tenderingProjectDetail,
  TimetableInput,
} from '@bidhall/contracts';
import { api } from './client.ts';

/** What a zod schema parses to / accepts, read off the schema's own type. */
type Output<S> = S extends { _output: infer O } ? O : never;
type Input<S> = S extends { _input: infer I } ? I : never;

export type EntryFormList = Output<typeof entryFormList>;
export type EntryFormRow = EntryFormList['items'][number];
export type SectionList = Output<typeof sectionList>;
export type SectionRow = SectionList['items'][number];
export type ProjectDetail = Output<typeof projectDetail>;
export type TenderingProjectDetail = Output<typeof tenderingProjectDetail>;
export type AgencyContract = Output<typeof agencyContractView>;
export type AgencyContractRound = AgencyContract['rounds'][number];
export type MandateInput = Input<typeof mandateInput>;
export type SectionPatch = Input<typeof sectionPatch>;
export type AgencyContractCreate = Input<typeof agencyContractCreate>;
export type TenderingPlanCreate = Input<typeof tenderingPlanCreate>;
export type ListQuery = Omit<ProjectsQuery, 'limit' | 'offset'> & { limit?: number; offset?: number; tenderingProjectId?: string };

/**
 * The `projects` module (decision 0008): the one entry form (task 13) and its review, projects,
 * tendering projects, sections and their timetables, agency mandates and contracts, tendering plans.
 */
export const projectsApi = {
  // The one entry form (一表通办)
  prefill: (approvalCode: string) => api.get<PrefillView>('/entry-forms/prefill', { approvalCode }),
  entryForms: (query: ListQuery) => api.get<EntryFormList>('/entry-forms', { ...query }),
  entryForm: (id: string) => api.get<EntryFormView>(`/entry-forms/${id}`),
  createEntryForm: (body: EntryFormRequest) => api.post<EntryFormView>('/entry-forms', body),
  updateEntryForm: (id: string, body: EntryFormRequest) => api.put<EntryFormView>(`/entry-forms/${id}`, body),
  submitEntryForm: (id: string) => api.post<EntryFormView>(`/entry-forms/${id}/submit`, {}),
  withdrawEntryForm: (id: string) => api.delete<{ ok: true }>(`/entry-forms/${id}`),
  reviewEntryForm: (id: string, body: SubmissionReviewRequest) => api.post<EntryFormView>(`/entry-forms/${id}/review`, body),

  // Projects, tendering projects, sections (A-36…)
  project: (id: string) => api.get<ProjectDetail>(`/projects/${id}`),
  tenderingProject: (id: string) => api.get<TenderingProjectDetail>(`/tendering-projects/${id}`),
  setMandate: (tenderingProjectId: string, body: MandateInput) => api.put<{ ok: true }>(`/tendering-projects/${tenderingProjectId}/mandate`, body),
  /** The sections my entity tenders or runs as agency. */
  mySections: (query: ListQuery) => api.get<SectionList>('/my/sections', { ...query }),
  section: (id: string) => api.get<SectionDetail>(`/sections/${id}`),
  patchSection: (id: string, body: SectionPatch) => api.patch<SectionDetail>(`/sections/${id}`, body),
  setTimetable: (id: string, body: TimetableInput) => api.put<SectionDetail>(`/sections/${id}/timetable`, body),

  // Agency contract in rounds (A-42…A-44)
  agencyContract: (id: string) => api.get<AgencyContract>(`/agency-contracts/${id}`),
  createAgencyContract: (body: AgencyContractCreate) => api.post<AgencyContract>('/agency-contracts', body),
  patchAgencyContract: (id: string, body: { title?: string; text?: string }) => api.patch<AgencyContract>(`/agency-contracts/${id}`, body),
  /** The drafting side sends the draft to the other side: it becomes round 1. */
  submitAgencyContract: (id: string) => api.post<AgencyContract>(`/agency-contracts/${id}/submit`, {}),
  proposeRound: (id: string, body: { text: string; note: string }) => api.post<AgencyContract>(`/agency-contracts/${id}/rounds`, body),
  giveOpinion: (id: string, body: { round: number; accept: boolean; opinion: string; signature: string }) =>
    api.post<AgencyContract>(`/agency-contracts/${id}/opinions`, body),
  signAgencyContract: (id: string, signature: string) => api.post<AgencyContract>(`/agency-contracts/${id}/signatures`, { signature }),

  // Tendering plan and team (A-47…A-49)
  /** Staff: the plans submitted in my regions, filtered, sorted and paged by the server. */
  tenderingPlans: (query: ListQuery) => api.get<TenderingPlanList>('/tendering-plans', { ...query }),
  tenderingPlan: (id: string) => api.get<TenderingPlanView>(`/tendering-plans/${id}`),
  createTenderingPlan: (body: TenderingPlanCreate) => api.post<TenderingPlanView>('/tendering-plans', body),
  updateTenderingPlan: (id: string, body: TenderingPlanInput & { submit?: boolean }) => api.put<TenderingPlanView>(`/tendering-plans/${id}`, body),
  submitTenderingPlan: (id: string) => api.post<TenderingPlanView>(`/tendering-plans/${id}/submit`, {}),
  reviewTenderingPlan: (id: string, body: SubmissionReviewRequest) =>
    api.post<TenderingPlanView>(`/tendering-plans/${id}/review`, body),
};
