// The daily appraisal of agencies (中介机构日常评价, decision 0044): a section's agency ratings, staff's
// behaviour records, the agency's own appraisal and the public record.
import type {
  AgencyOwnAppraisal,
  AgencyPublicPage,
  AgencyRatingInput,
  AgencyRecordInput,
  AgencyRecordView,
  SectionAgencyRatings,
} from '@bidhall/contracts';
import { api } from './client.ts';

export const appraisalApi = {
  /** The section's agency ratings with who gave them, and whether the caller may still rate. */
  ofSection: (sectionId: string) => api.get<SectionAgencyRatings>(`/sections/${sectionId}/agency-ratings`),
  /** Rates the section's agency (409 AGENCY_RATING_NOT_OPEN / AGENCY_RATED); answers the ratings. */
  rate: (sectionId: string, body: AgencyRatingInput) =>
    api.post<SectionAgencyRatings>(`/sections/${sectionId}/agency-ratings`, body),
  /** Staff: a commendation, violation or penalty of an agency, public once made. */
  addRecord: (entityId: string, body: AgencyRecordInput) => api.post<AgencyRecordView>(`/agencies/${entityId}/records`, body),
  /** Agencies: their own ratings, means and records. */
  mine: () => api.get<AgencyOwnAppraisal>('/agency-ratings/mine'),
  /** Anyone: every agency rated or recorded, best overall mean first. */
  publicRecord: (query: { regionCode?: string; offset?: number; limit?: number }) =>
    api.get<AgencyPublicPage>('/agencies/record', query),
};
