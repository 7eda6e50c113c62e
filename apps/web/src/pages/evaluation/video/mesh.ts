import type { RoomSignal, RoomSignalInput } from '@bidhall/contracts';

type Send = (signal: RoomSignalInput) => Promise<unknown>;

/**
 * One WebRTC link to another member. The member with the smaller id offers, so two members never
 * offer to each other at once. Signals out go one after another (a candidate never overtakes its offer);
 * candidates that arrive before the remote description wait for it. No STUN or TURN: members reach each
 * other by host candidates, as inside one trading centre's network (decision 0027).
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private outbox: Promise<unknown> = Promise.resolve();
  private inbox: Promise<unknown> = Promise.resolve();
  private pending: RTCIceCandidateInit[] = [];

  constructor(
    readonly peerId: string,
    local: MediaStream | null,
    send: Send,
    onStream: (stream: MediaStream) => void,
    onState: (state: RTCPeerConnectionState) => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: [] });
    const queue = (signal: RoomSignalInput) => {
      // A refusal (the peer left) ends the chain's link, not the chain.
      this.outbox = this.outbox.then(() => send(signal)).catch(() => undefined);
    };
    this.send = queue;
    if (local) for (const track of local.getTracks()) this.pc.addTrack(track, local);
    else {
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
      this.pc.addTransceiver('video', { direction: 'recvonly' });
    }
    this.pc.onicecandidate = (e) => {
      if (e.candidate) queue({ to: peerId, kind: 'candidate', candidate: { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex, usernameFragment: e.candidate.usernameFragment } });
    };
    this.pc.ontrack = (e) => onStream(e.streams[0] ?? new MediaStream([e.track]));
    this.pc.onconnectionstatechange = () => onState(this.pc.connectionState);
  }

  private readonly send: (signal: RoomSignalInput) => void;

  offer() {
    this.inbox = this.inbox.then(async () => {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      this.send({ to: this.peerId, kind: 'offer', sdp: this.pc.localDescription!.sdp });
    });
  }

  /** Handles the peer's signals in their order of arrival. */
  receive(signal: RoomSignal) {
    this.inbox = this.inbox
      .then(async () => {
        if (signal.kind === 'offer' || signal.kind === 'answer') {
          await this.pc.setRemoteDescription({ type: signal.kind, sdp: signal.sdp });
          for (const c of this.pending.splice(0)) await this.pc.addIceCandidate(c);
          if (signal.kind === 'offer') {
            await this.pc.setLocalDescription(await this.pc.createAnswer());
            this.send({ to: this.peerId, kind: 'answer', sdp: this.pc.localDescription!.sdp });
          }
        } else if (signal.kind === 'candidate') {
          const c = { ...signal.candidate, usernameFragment: signal.candidate.usernameFragment ?? null };
          if (this.pc.remoteDescription) await this.pc.addIceCandidate(c);
          else this.pending.push(c);
        }
      })
      .catch((err: unknown) => console.warn('video room: signal not applied', err));
  }

  close(sayBye: boolean) {
    if (sayBye) this.send({ to: this.peerId, kind: 'bye' });
    this.pc.close();
  }
}
