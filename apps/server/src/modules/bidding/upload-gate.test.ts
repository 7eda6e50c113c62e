import { describe, expect, it } from 'vitest';
import { createUploadGate } from './upload-gate.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('the upload gate', () => {
  it('streams at most `total` bodies and at most `perEntity` of one entity, the others waiting in order', async () => {
    const gate = createUploadGate({ total: 3, perEntity: 2 });
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    const ask = (entity: string, name: string) =>
      void gate.acquire(entity).then((free) => {
        started.push(name);
        releases.set(name, free);
      });
    ask('a', 'a1');
    ask('a', 'a2');
    ask('a', 'a3');
    ask('b', 'b1');
    ask('c', 'c1');
    await tick();
    // a3 waits for a's share; b1 takes the third slot; c1 waits for any slot.
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(gate.stats()).toEqual({ active: 3, waiting: 2 });
    releases.get('b1')!();
    await tick();
    // The freed slot goes to the first waiter that may take it: a3 may not (a holds 2), c1 may.
    expect(started).toEqual(['a1', 'a2', 'b1', 'c1']);
    releases.get('a1')!();
    releases.get('a1')!(); // freeing twice frees once
    await tick();
    expect(started).toEqual(['a1', 'a2', 'b1', 'c1', 'a3']);
    expect(gate.stats()).toEqual({ active: 3, waiting: 0 });
  });
});
