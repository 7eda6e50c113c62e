import { api } from './client.ts';
import type { BoundCertificateView, CertificateChallengeResponse, CertificateLoginRequest, LoginResponse } from './types.ts';

/** Certificates of the recognised CAs: binding to the caller's entity and certificate login (F-05). */
export const certificatesApi = {
  /** The caller's entity's certificates, unbound ones included (active entities only). */
  mine: () => api.get<BoundCertificateView[]>('/my/certificates'),
  /** PEM text, or the DER bytes in base64. */
  bind: (certificate: string) => api.post<BoundCertificateView>('/my/certificates', { certificate }),
  unbind: (id: string) => api.delete<BoundCertificateView>(`/my/certificates/${encodeURIComponent(id)}`),
  challenge: () => api.post<CertificateChallengeResponse>('/auth/certificate/challenge', {}),
  login: (request: CertificateLoginRequest) => api.post<LoginResponse>('/auth/certificate/login', request),
};
