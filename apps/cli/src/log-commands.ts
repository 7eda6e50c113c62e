import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from './command.ts';
import { verifyDraw } from './draw-verify.ts';
import { readSavedHead, Unusable, verifyReceipt, verifySince, verifyWholeLog, type VerifyOutcome } from './log-verify.ts';
import { alarmText, parseInterval, witnessOnce, type WitnessPoll } from './log-witness.ts';

const USAGE = `bidhall log verify --url URL [--key log-key.pem]
bidhall log verify --url URL --since HEAD [--key log-key.pem]
bidhall log verify --receipt receipt.json --key log-key.pem   (offline)
bidhall log verify --receipt receipt.json --url URL           (fetches the key)
bidhall log witness --url URL --state witness.json [--interval 60s] [--key witness-key.pem] [--log-key log-key.pem] [--once]

  verify          Checks the platform's public log: every signed tree head against the entries (whole
                  log), or one receipt's entry and inclusion proof against its signed head.
  verify --since  Holds the log to a signed head saved earlier (a file, or the JSON itself, e.g. copied
                  from the portal's published heads): both heads signed, and a consistency proof from
                  the saved head to the current one. Refuses a rollback (fewer entries than the saved
                  head), a fork (same size, other root) and a bad proof.
  witness         Polls the log, checks each new head's signature and consistency with the head it kept,
                  keeps it in --state and co-signs it with its own SM2 key (--key, created on first run;
                  default witness-key.pem beside the state file), posting the co-signature to the
                  platform. On a rollback or a fork it stops, says so loudly and co-signs nothing.
  Pin the log's key with --key (verify) or --log-key (witness) to trust nothing the server says.
  Exit 0 valid, 1 invalid (rollback, fork, changed log), 2 unusable input.`;

function readKey(path: unknown, what: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path as string, 'utf8');
  } catch (err) {
    throw new Unusable(`cannot read ${what}: ${(err as Error).message}`);
  }
}

function report(outcome: VerifyOutcome): number {
  if (outcome.ok) {
    console.log(outcome.summary);
    return 0;
  }
  console.error(`invalid: ${outcome.reason}`);
  return outcome.unusable ? 2 : 1;
}

async function verify(values: Record<string, string | boolean | undefined>): Promise<number> {
  const url = values.url as string | undefined;
  let keyPem = readKey(values.key, 'the key');
  if (values.since !== undefined) {
    if (!url) throw new Unusable('--since needs --url');
    const since = values.since as string;
    const text = since.trim().startsWith('{') ? since : readKey(since, 'the saved head')!;
    return report(await verifySince({ url, saved: readSavedHead(text), keyPem }));
  }
  if (values.receipt) {
    let receipt: unknown;
    try {
      receipt = JSON.parse(readFileSync(values.receipt as string, 'utf8'));
    } catch (err) {
      throw new Unusable(`cannot read the receipt: ${(err as Error).message}`);
    }
    if (!keyPem && url) {
      const res = await fetch(`${url.replace(/\/+$/, '')}/api/v1/log/key`).catch(() => undefined);
      keyPem = res?.ok ? ((await res.json()) as { publicKeyPem: string }).publicKeyPem : undefined;
    }
    if (!keyPem) throw new Unusable('a receipt needs the log key (--key, or --url to fetch it)');
    return report(verifyReceipt(receipt, keyPem));
  }
  if (url) return report(await verifyWholeLog({ url, keyPem }));
  throw new Unusable(`give --url or --receipt\n\n${USAGE}`);
}

function describe(p: Exclude<WitnessPoll, { kind: 'alarm' }>): string {
  const head = `size ${p.head.treeSize}, root ${p.head.rootHash}`;
  const what = {
    first: 'first head kept (trusted on first use)',
    extended: 'consistent new head kept and co-signed',
    unchanged: 'no new head',
  }[p.kind];
  return `${new Date().toISOString()} ${what}: ${head}${p.kind !== 'unchanged' || !p.posted ? (p.posted ? '; co-signature posted' : '; co-signature not posted yet') : ''}${p.note ? ` (${p.note})` : ''}`;
}

async function witness(values: Record<string, string | boolean | undefined>): Promise<number> {
  const url = values.url as string | undefined;
  const statePath = values.state as string | undefined;
  if (!url || !statePath) throw new Unusable(`witness needs --url and --state\n\n${USAGE}`);
  const intervalMs = parseInterval((values.interval as string | undefined) ?? '60s');
  const opts = {
    url,
    statePath,
    keyPath: (values.key as string | undefined) ?? join(dirname(statePath), 'witness-key.pem'),
    logKeyPem: readKey(values['log-key'], 'the log key'),
  };
  for (;;) {
    try {
      const poll = await witnessOnce(opts);
      if (poll.kind === 'alarm') {
        console.error(alarmText(poll));
        return 1;
      }
      console.log(describe(poll));
    } catch (err) {
      // The platform unreachable is no verdict on the log: say so and poll again.
      if (!(err instanceof Unusable) || values.once) throw err;
      console.error(`${new Date().toISOString()} ${err.message}; polling again`);
    }
    if (values.once) return 0;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const logCommands: Record<string, Command> = {
  log: {
    summary: 'verify the public append-only log, a receipt or a saved head; run a witness',
    usage: USAGE,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      receipt: { type: 'string' },
      since: { type: 'string' },
      state: { type: 'string' },
      interval: { type: 'string' },
      'log-key': { type: 'string' },
      once: { type: 'boolean' },
    },
    async run(values, positionals) {
      const sub = positionals[0];
      try {
        if (sub === 'verify') return await verify(values);
        if (sub === 'witness') return await witness(values);
      } catch (err) {
        if (err instanceof Unusable) {
          console.error(`bidhall log ${sub}: ${err.message}`);
          return 2;
        }
        throw err;
      }
      console.error(`bidhall log: unknown subcommand '${sub ?? ''}'\n\n${USAGE}`);
      return 2;
    },
  },
  draw: {
    summary: 're-check a revealed random draw from public data',
    usage: `bidhall draw verify --url URL --id DRAW_ID [--key log-key.pem]

  Checks that the revealed secret matches the commitment, the pool matches its logged hash, the
  commitment is in the signed log head the seed came from, and recomputes the selection.
  Exit 0 reproduced, 1 does not reproduce, 2 unusable input.`,
    options: { url: { type: 'string' }, id: { type: 'string' }, key: { type: 'string' } },
    async run(values, positionals) {
      if (positionals[0] !== 'verify' || !values.url || !values.id) {
        console.error('bidhall draw: usage: bidhall draw verify --url URL --id DRAW_ID [--key log-key.pem]');
        return 2;
      }
      let keyPem: string | undefined;
      try {
        keyPem = values.key ? readFileSync(values.key as string, 'utf8') : undefined;
      } catch (err) {
        console.error(`bidhall draw verify: cannot read the key: ${(err as Error).message}`);
        return 2;
      }
      const outcome = await verifyDraw({ url: values.url as string, id: values.id as string, keyPem });
      if (outcome.ok) {
        console.log(outcome.summary);
        return 0;
      }
      console.error(`invalid: ${outcome.reason}`);
      return outcome.unusable ? 2 : 1;
    },
  },
};
