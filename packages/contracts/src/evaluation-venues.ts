import { z } from 'zod';
import { isoDateTime, regionCode } from './common.ts';
import { sitting } from './bidding.ts';

/**
 * Remote cross-region evaluation (远程异地评标, issue 12 §3, decision 0027): venues (评标场地) and their
 * workstations (评标终端) registered by a device key, the device check at sign-in, the live monitoring
 * of every room, and the committee's audio/video room whose signalling the platform relays.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
export const venueKind = z.enum(['main', 'secondary']);
export type VenueKind = z.infer<typeof venueKind>;

export const evaluationVenueInput = z.strictObject({
  regionCode,
  name: text(100),
  address: text(200),
  /** A main venue (主场) hosts the chair; a secondary one (副场) the members sitting elsewhere. */
  kind: venueKind,
  /** Offered to the sections of other cities (the shared pool, like the experts'). */
  shared: z.boolean(),
});
export type EvaluationVenueInput = z.infer<typeof evaluationVenueInput>;

const b64url = (bytes: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), `${bytes} bytes, base64url`);

/** A P-256 public key as WebCrypto exports it (JWK); a private part (`d`) is refused by the strict object. */
export const workstationPublicKey = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url(32),
  y: b64url(32),
  ext: z.boolean().optional(),
  key_ops: z.array(z.literal('verify')).max(1).optional(),
});
export type WorkstationPublicKey = z.infer<typeof workstationPublicKey>;

export const workstationRegisterInput = z.strictObject({ label: text(40), publicKey: workstationPublicKey });
export type WorkstationRegisterInput = z.infer<typeof workstationRegisterInput>;

export const workstationRevokeInput = z.strictObject({ reason: text(200) });

export const workstationView = z.object({
  id: z.uuid(),
  venueId: z.uuid(),
  label: z.string(),
  /** One evaluator per workstation. */
  seats: z.literal(1),
  /** SHA-256 of the key's JWK (RFC 7638), base64url: what the browser shows to match its own key. */
  thumbprint: z.string(),
  registeredAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  revokedReason: z.string().nullable(),
});
export type WorkstationView = z.infer<typeof workstationView>;

export const evaluationVenueView = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  address: z.string(),
  kind: venueKind,
  shared: z.boolean(),
  createdAt: isoDateTime,
  workstations: z.array(workstationView),
});
export type EvaluationVenueView = z.infer<typeof evaluationVenueView>;

export const venueRef = z.object({ id: z.uuid(), regionCode: z.string(), name: z.string(), address: z.string(), kind: venueKind, shared: z.boolean(), workstations: z.number().int() });
export type VenueRef = z.infer<typeof venueRef>;

/** The venues of one section's evaluation: a main venue and up to 8 secondary ones, all different. */
export const sectionVenuesInput = z.strictObject({ mainVenueId: z.uuid(), secondaryVenueIds: z.array(z.uuid()).max(8) });
export type SectionVenuesInput = z.infer<typeof sectionVenuesInput>;

export const sectionVenuesView = z.object({
  main: venueRef.nullable(),
  secondary: z.array(venueRef),
  /** What the section's staff may assign: venues of the section's city, and shared venues elsewhere. */
  assignable: z.array(venueRef),
});
export type SectionVenuesView = z.infer<typeof sectionVenuesView>;

/** A single-use nonce for the evaluation sign-in, short-lived. */
export const evaluationSignInChallenge = z.object({ nonce: z.string(), expiresAt: isoDateTime });
export type EvaluationSignInChallenge = z.infer<typeof evaluationSignInChallenge>;

/** The workstation's proof at sign-in: its ECDSA P-256 / SHA-256 signature (IEEE P1363, base64url) over deviceSignInMessage. */
export const deviceSignIn = z.strictObject({
  workstationId: z.uuid(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  signature: b64url(64),
});
export type DeviceSignIn = z.infer<typeof deviceSignIn>;

/** The exact text the workstation signs: fixed key order, so that browser and server agree byte for byte. */
export function deviceSignInMessage(sectionId: string, nonce: string): string {
  return JSON.stringify({ action: 'evaluationSignIn', sectionId, nonce });
}

export const monitorMember = z.object({
  id: z.uuid(),
  role: z.enum(['expert', 'representative']),
  seat: z.number().int().nullable(),
  name: z.string(),
  chair: z.boolean(),
  signedInAt: isoDateTime.nullable(),
  /** Where the member signed in (null: before sign-in, or an evaluation without venues). */
  workstationId: z.uuid().nullable(),
  venueId: z.uuid().nullable(),
  /** The member's room connection is live now. */
  present: z.boolean(),
  /** Submitted or not; never what. */
  submitted: z.boolean(),
});
export type MonitorMember = z.infer<typeof monitorMember>;

export const monitorEvaluation = z.object({
  sectionId: z.uuid(),
  /** The bids' evaluation or the prequalification review (decision 0032). */
  sitting,
  sectionName: z.string(),
  regionCode: z.string(),
  window: z.object({ startsAt: isoDateTime, endsAt: isoDateTime, openNow: z.boolean() }),
  venues: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      regionCode: z.string(),
      role: venueKind,
      workstations: z.array(z.object({ id: z.uuid(), label: z.string(), revoked: z.boolean(), memberId: z.uuid().nullable() })),
    }),
  ),
  members: z.array(monitorMember),
  /** Officers watching the room read-only now. */
  observers: z.number().int(),
});
export type MonitorEvaluation = z.infer<typeof monitorEvaluation>;

export const evaluationMonitorView = z.object({ serverTime: isoDateTime, evaluations: z.array(monitorEvaluation) });
export type EvaluationMonitorView = z.infer<typeof evaluationMonitorView>;

/** WebRTC signalling relayed by the platform to one member; the media never passes the server. */
export const roomSignalInput = z.discriminatedUnion('kind', [
  z.strictObject({ to: z.uuid(), kind: z.literal('offer'), sdp: z.string().min(1).max(100_000) }),
  z.strictObject({ to: z.uuid(), kind: z.literal('answer'), sdp: z.string().min(1).max(100_000) }),
  z.strictObject({
    to: z.uuid(),
    kind: z.literal('candidate'),
    candidate: z.strictObject({
      candidate: z.string().max(2000),
      sdpMid: z.string().max(64).nullable(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
  z.strictObject({ to: z.uuid(), kind: z.literal('bye') }),
]);
export type RoomSignalInput = z.infer<typeof roomSignalInput>;
export type RoomSignal = (Omit<Extract<RoomSignalInput, { kind: 'offer' | 'answer' }>, 'to'> | Omit<Extract<RoomSignalInput, { kind: 'candidate' }>, 'to'> | { kind: 'bye' }) & { from: string };

export const roomView = z.object({
  /** The caller's member id; null for an officer watching read-only. */
  self: z.uuid().nullable(),
  members: z.array(z.object({ id: z.uuid(), role: z.enum(['expert', 'representative']), seat: z.number().int().nullable(), name: z.string(), present: z.boolean() })),
  observers: z.number().int(),
});
export type RoomView = z.infer<typeof roomView>;
