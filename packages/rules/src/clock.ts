/**
 * The one source of "now". Everything that needs the current time takes a Clock, so tests can
 * pin or move time. Only `systemClock` reads the real clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(Date.now()),
};

function checkedInstant(value: Date | string | number): Date {
  const instant = new Date(value instanceof Date ? value.getTime() : value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a valid instant: ${String(value)}`);
  return instant;
}

/** A clock that always reads the same instant. */
export function fixedClock(at: Date | string | number): Clock {
  const instant = checkedInstant(at);
  return { now: () => new Date(instant.getTime()) };
}

/** A clock tests move by hand. `now()` returns a copy, so callers cannot move it by mutation. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(at: Date | string | number) {
    this.#ms = checkedInstant(at).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(at: Date | string | number): void {
    this.#ms = checkedInstant(at).getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`cannot advance a clock by ${ms} ms`);
    this.#ms = checkedInstant(this.#ms + ms).getTime();
  }
}

/**
 * Another clock moved by a signed amount: the demo moves it back to seal bids before a deadline that
 * has passed by the time it is shown, then forward again by exactly as much.
 */
export class OffsetClock implements Clock {
  #offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.#offsetMs);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`cannot advance a clock by ${ms} ms`);
    this.#offsetMs += ms;
  }
}
