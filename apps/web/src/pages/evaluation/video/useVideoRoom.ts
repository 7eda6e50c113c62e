import type { RoomSignal, RoomView, Sitting } from '@bidhall/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { roomEventsUrl, venuesApi } from '../../../api/evaluationVenues.ts';
import { PeerLink } from './mesh.ts';

export interface RemoteTile {
  memberId: string;
  stream: MediaStream | null;
  state: RTCPeerConnectionState | 'new';
}

/**
 * The committee's audio/video room (A-157): presence and signals from the room's stream, one PeerLink
 * per other member present (a mesh: fine for a committee of up to 9), the camera and microphone of this
 * browser. An officer (self null) gets the presence and sends no media. Each sitting has its own room
 * (decision 0032): a review committee meets apart from the bids' committee.
 */
export function useVideoRoom(sectionId: string, joined: boolean, sitting: Sitting = 'bid') {
  const [room, setRoom] = useState<RoomView>();
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [mediaError, setMediaError] = useState<string>();
  const [remotes, setRemotes] = useState<Record<string, RemoteTile>>({});
  const [error, setError] = useState<unknown>();
  const links = useRef(new Map<string, PeerLink>());

  const setRemote = useCallback((memberId: string, patch: Partial<RemoteTile>) => {
    setRemotes((r) => ({ ...r, [memberId]: { memberId, stream: null, state: 'new', ...r[memberId], ...patch } }));
  }, []);

  useEffect(() => {
    if (!joined) return;
    let alive = true;
    let stream: MediaStream | null = null;
    let source: EventSource | null = null;
    const map = links.current;

    const linkTo = (peerId: string) => {
      let link = map.get(peerId);
      if (!link) {
        link = new PeerLink(peerId, stream, (s) => venuesApi.signal(sectionId, s, sitting), (st) => alive && setRemote(peerId, { stream: st }), (state) => alive && setRemote(peerId, { state }));
        map.set(peerId, link);
        setRemote(peerId, {});
      }
      return link;
    };
    const drop = (peerId: string, sayBye: boolean) => {
      map.get(peerId)?.close(sayBye);
      map.delete(peerId);
      setRemotes(({ [peerId]: _gone, ...rest }) => rest);
    };

    void (async () => {
      try {
        const first = await venuesApi.room(sectionId, sitting);
        if (first.self) {
          try {
            stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
          } catch (err) {
            setMediaError(err instanceof Error ? err.message : String(err));
          }
        }
        if (!alive) {
          stream?.getTracks().forEach((tr) => tr.stop());
          return;
        }
        setLocal(stream);
        source = new EventSource(roomEventsUrl(sectionId, sitting));
        source.addEventListener('presence', (e) => {
          const view = JSON.parse((e as MessageEvent<string>).data) as RoomView;
          setRoom(view);
          if (!view.self) return;
          const present = new Set(view.members.filter((m) => m.present && m.id !== view.self).map((m) => m.id));
          for (const id of [...map.keys()]) if (!present.has(id)) drop(id, false);
          // The smaller id offers; the other waits for the offer.
          for (const id of present) if (!map.has(id) && view.self < id) linkTo(id).offer();
        });
        source.addEventListener('signal', (e) => {
          const signal = JSON.parse((e as MessageEvent<string>).data) as RoomSignal;
          if (signal.kind === 'bye') drop(signal.from, false);
          else linkTo(signal.from).receive(signal);
        });
      } catch (err) {
        if (alive) setError(err);
      }
    })();

    return () => {
      alive = false;
      source?.close();
      for (const id of [...map.keys()]) drop(id, true);
      stream?.getTracks().forEach((tr) => tr.stop());
      setLocal(null);
      setRoom(undefined);
    };
  }, [sectionId, joined, sitting, setRemote]);

  const toggle = useCallback(
    (kind: 'audio' | 'video', on: boolean) => {
      local?.getTracks().filter((tr) => tr.kind === kind).forEach((tr) => (tr.enabled = on));
    },
    [local],
  );

  return { room, local, mediaError, remotes: Object.values(remotes), error, toggle };
}
