/**
 * A bidhall server process for the reliability tests and the deadline-rush benchmark: `bidhall serve`
 * without the demo data, configured by its environment (./world.ts serverEnv), on the system clock.
 * Prints one line `{"url": …, "pid": …}` once it listens; SIGTERM stops it gracefully, SIGKILL is the test.
 */
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { startServer } from '../../apps/server/src/server.ts';

const config = loadConfig();
const server = await startServer(config, { demo: false });
console.log(JSON.stringify({ url: server.url, pid: process.pid }));
const stop = () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
