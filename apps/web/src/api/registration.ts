import { api } from './client.ts';
import type { EntityChangeView, EntityProfile, EntityProfilePatch, EntityView, RegisterEntityRequest } from './types.ts';

/** What a change may propose: any field but the credit code; `contactEmail: null` clears the e-mail. */
export type ProposedChange = Omit<EntityProfilePatch, 'creditCode'>;
interface Acceptance {
  version: string;
  accepted: boolean;
}

/** Registration and the applicant's own entity. */
export const registrationApi = {
  register: (body: RegisterEntityRequest) => api.post<{ entity: EntityView; userId: string }>('/registrations', body),
  myEntity: () => api.get<EntityView>('/my/entity'),
  editRegistration: (profile: EntityProfile) => api.put<EntityView>('/my/entity/registration', profile),
  submit: (commitment: Acceptance) => api.post<EntityView>('/my/entity/submit', { commitment }),
  deleteRegistration: () => api.delete<{ ok: true }>('/my/entity/registration'),
  myChanges: () => api.get<EntityChangeView[]>('/my/entity/changes'),
  proposeChange: (proposed: ProposedChange, submit: boolean) =>
    api.post<EntityChangeView>('/my/entity/changes', { proposed, submit }),
  changeAction: (id: string, action: 'submit' | 'withdraw') => api.post<EntityChangeView>(`/my/entity/changes/${id}/${action}`),
};
