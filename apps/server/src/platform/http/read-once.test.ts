import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { readOnce, readOncePlugin } from './read-once.ts';

/** A route that reads the same thing in a hook, in its handler and again after awaiting something else. */
async function appCounting() {
  const loads: string[] = [];
  const load = (key: string) => async () => {
    loads.push(key);
    await new Promise((r) => setImmediate(r));
    return { key, n: loads.length };
  };
  const app = Fastify();
  await app.register(readOncePlugin);
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/shared') || request.url.startsWith('/each')) await readOnce('section:1', load('section:1'));
  });
  const handler = async () => {
    const a = await readOnce('section:1', load('section:1'));
    await new Promise((r) => setTimeout(r, 1));
    const b = await readOnce('section:1', load('section:1'));
    const other = await readOnce('section:2', load('section:2'));
    return { same: a === b, other: other.key };
  };
  app.get('/shared', { config: { readOnce: true } }, handler);
  app.get('/each', handler);
  return { app, loads };
}

describe('reads shared within one request', () => {
  it('are made once per key in a readOnce route, by the hooks and the handler alike, and again for the next request', async () => {
    const { app, loads } = await appCounting();
    const first = await app.inject({ method: 'GET', url: '/shared' });
    expect(first.json()).toEqual({ same: true, other: 'section:2' });
    expect(loads).toEqual(['section:1', 'section:2']);
    await app.inject({ method: 'GET', url: '/shared' });
    expect(loads).toEqual(['section:1', 'section:2', 'section:1', 'section:2']);
  });

  it('are made every time in any other route, and by two requests at once each for itself', async () => {
    const { app, loads } = await appCounting();
    const each = await app.inject({ method: 'GET', url: '/each' });
    expect(each.json()).toEqual({ same: false, other: 'section:2' });
    expect(loads).toEqual(['section:1', 'section:1', 'section:1', 'section:2']);
    loads.length = 0;
    await Promise.all([app.inject({ method: 'GET', url: '/shared' }), app.inject({ method: 'GET', url: '/shared' })]);
    expect(loads.filter((k) => k === 'section:1')).toHaveLength(2);
  });

  it('do not keep a failed read: the next call in the request reads again', async () => {
    const app = Fastify();
    await app.register(readOncePlugin);
    let calls = 0;
    app.get('/', { config: { readOnce: true } }, async () => {
      const failing = () => {
        calls++;
        return calls === 1 ? Promise.reject(new Error('connection reset')) : Promise.resolve('ok');
      };
      await readOnce('k', failing).catch(() => undefined);
      await new Promise((r) => setImmediate(r));
      return { value: await readOnce('k', failing), calls };
    });
    expect((await app.inject({ method: 'GET', url: '/' })).json()).toEqual({ value: 'ok', calls: 2 });
  });
});
