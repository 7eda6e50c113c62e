/** Refusals of venues, workstations, the device check at sign-in and the room, with their HTTP statuses. */
export const venueErrors = {
  /** No such venue, or one outside the caller's regions. */
  VENUE_NOT_FOUND: 404,
  /** The venue cannot be assigned to this section (another city's, not shared), or the assignment is malformed (details.reason). */
  VENUE_NOT_ASSIGNABLE: 422,
  /** No such workstation at this venue. */
  WORKSTATION_NOT_FOUND: 404,
  /** The device key is registered already (details.workstationId). */
  WORKSTATION_KEY_TAKEN: 409,
  /** The workstation was revoked already. */
  WORKSTATION_ALREADY_REVOKED: 409,
  /** The evaluation has venues: the sign-in must carry a registered workstation's signature. */
  WORKSTATION_REQUIRED: 403,
  /** The signing workstation is not registered (or this browser's key is not the registered one). */
  WORKSTATION_NOT_REGISTERED: 403,
  /** The signing workstation was revoked by staff. */
  WORKSTATION_REVOKED: 403,
  /** The workstation belongs to a venue this evaluation was not assigned. */
  WORKSTATION_NOT_AT_VENUE: 403,
  /** Another member of this committee signed in from this workstation (it seats one). */
  WORKSTATION_OCCUPIED: 409,
  /** The signature does not verify with the workstation's key over the nonce. */
  DEVICE_SIGNATURE_INVALID: 403,
  /** The nonce is unknown, not this caller's or this section's (the challenge module's code). */
  CHALLENGE_UNKNOWN: 401,
  /** The nonce was used already. */
  CHALLENGE_USED: 401,
  /** The nonce is too old: ask for a new one. */
  CHALLENGE_EXPIRED: 401,
  /** Signals go to a member present in the room. */
  ROOM_PEER_ABSENT: 409,
} as const;
