/**
 * Starts ./server-child.ts as a real process (node + tsx), waits until it listens, and lets the caller
 * SIGKILL or stop it and read its peak resident memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/**
 * How `npm start` runs node: the variables set before `node` and the flags after it in package.json's
 * start script (the server's memory settings, decision 0049), so that the tests and the benchmark run
 * the server as it is deployed.
 */
export function startScriptRuntime(
  script = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: { start: string } }).scripts.start,
) {
  const words = script.trim().split(/\s+/);
  const at = words.indexOf('node');
  if (at < 0) throw new Error(`the start script does not run node: ${script}`);
  const env = Object.fromEntries(words.slice(0, at).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  const rest = words.slice(at + 1);
  const first = rest.findIndex((w) => !w.startsWith('-'));
  const nodeArgs = first < 0 ? rest : rest.slice(0, first);
  return { env, nodeArgs };
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Peak and current resident set size in bytes (VmHWM, VmRSS), while it runs. */
  memory(): { peak: number; rss: number };
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function startServerProcess(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const runtime = startScriptRuntime();
  return startProcess(CHILD, [], { ...runtime.env, ...env }, { ...options, nodeArgs: runtime.nodeArgs });
}

/** Any script that prints `{"url": …}` once it listens (the benchmark's bare sink too). */
export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  // CHILD_NODE_ARGS: extra flags for the child's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server.
  const extra = (process.env.CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...extra, '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env, VITEST: '', VITEST_POOL_ID: '', VITEST_WORKER_ID: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time: ${err}`)), options.timeoutMs ?? 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; pid: number });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${err}`));
    });
  });
  const status = (field: string) => {
    const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) * 1024 : 0;
  };
  return {
    url: ready.url,
    pid: child.pid!,
    child,
    stderr: () => err,
    memory: () => ({ peak: status('VmHWM'), rss: status('VmRSS') }),
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}
