import type { RoomSignal, Sitting } from '@bidhall/contracts';

/** One open room stream: a member's (memberId) or an officer watching read-only (null). */
export interface RoomConnection {
  memberId: string | null;
  /** Writes one Server-Sent Event to this connection. */
  send(event: string, data: unknown): void;
}

interface Room {
  members: Map<string, Set<RoomConnection>>;
  observers: Set<RoomConnection>;
}

/**
 * Who is in each evaluation room right now: presence is an open room stream, no more —
 * it ends when the connection closes, which the stream's heartbeat detects on a dead link. Signals are
 * handed to the addressee's open streams and kept nowhere. One process's memory: a second server
 * process has rooms of its own (decision 0027).
 */
export function createRoomHub() {
  const rooms = new Map<string, Room>();
  const watchers = new Set<(sectionId: string) => void>();

  const roomOf = (sectionId: string) => {
    let r = rooms.get(sectionId);
    if (!r) {
      r = { members: new Map(), observers: new Set() };
      rooms.set(sectionId, r);
    }
    return r;
  };
  const changed = (sectionId: string) => {
    for (const w of watchers) w(sectionId);
  };

  return {
    /** Enters the room; the returned function leaves it (once). */
    join(sectionId: string, connection: RoomConnection): () => void {
      const room = roomOf(sectionId);
      if (connection.memberId === null) room.observers.add(connection);
      else {
        const set = room.members.get(connection.memberId) ?? new Set();
        set.add(connection);
        room.members.set(connection.memberId, set);
      }
      changed(sectionId);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        if (connection.memberId === null) room.observers.delete(connection);
        else {
          const set = room.members.get(connection.memberId);
          set?.delete(connection);
          if (set && set.size === 0) room.members.delete(connection.memberId);
        }
        if (room.members.size === 0 && room.observers.size === 0) rooms.delete(sectionId);
        changed(sectionId);
      };
    },
    present(sectionId: string): ReadonlySet<string> {
      return new Set(rooms.get(sectionId)?.members.keys() ?? []);
    },
    observers(sectionId: string): number {
      return rooms.get(sectionId)?.observers.size ?? 0;
    },
    /** Hands a signal to the addressee's open streams; false when the addressee is not in the room. */
    signal(sectionId: string, to: string, signal: RoomSignal): boolean {
      const set = rooms.get(sectionId)?.members.get(to);
      if (!set?.size) return false;
      for (const c of set) c.send('signal', signal);
      return true;
    },
    /** Called with a section's id whenever someone enters or leaves its room. */
    watch(listener: (sectionId: string) => void): () => void {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
  };
}

export type RoomHub = ReturnType<typeof createRoomHub>;

/** A committee's room in the hub: the bids' by the section id, a prequalification review's apart from it. */
export function roomKey(sectionId: string, sitting: Sitting): string {
  return sitting === 'bid' ? sectionId : `${sectionId}:${sitting}`;
}
