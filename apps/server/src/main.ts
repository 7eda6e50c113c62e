import { loadConfig, ConfigError } from './platform/config/config.ts';
import { startServer } from './server.ts';

/** `npm start` / `bidhall serve`: run until SIGINT or SIGTERM, then shut down gracefully. */
export async function main(options: { demo: boolean }) {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer(config, { demo: options.demo });
  console.log(`bidhall is serving on ${server.url.replace('0.0.0.0', 'localhost')} (${server.database.kind})`);
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.log(`${signal} received; finishing in-flight work`);
    const force = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main({ demo: process.env.DEMO !== 'off' });
}
