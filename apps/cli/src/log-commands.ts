import { readFileSync } from 'node:fs';
import type { Command } from './command.ts';
import { verifyDraw } from './draw-verify.ts';
import { type LogReceipt, verifyReceipt, verifyWholeLog } from './log-verify.ts';

const USAGE = `bidhall log verify --url URL [--key log-key.pem]
bidhall log verify --receipt receipt.json --key log-key.pem   (offline)
bidhall log verify --receipt receipt.json --url URL           (fetches the key)

  Checks the platform's public log: every signed tree head against the entries (whole log), or one
  receipt's entry and inclusion proof against its signed head. Pin the log's key with --key to
  trust nothing the server says. Exit 0 valid, 1 invalid, 2 unusable input.`;

export const logCommands: Record<string, Command> = {
  log: {
    summary: 'verify the public append-only log or a receipt',
    usage: USAGE,
    options: { url: { type: 'string' }, key: { type: 'string' }, receipt: { type: 'string' } },
    async run(values, positionals) {
      if (positionals[0] !== 'verify') {
        console.error(`bidhall log: unknown subcommand '${positionals[0] ?? ''}'\n\n${USAGE}`);
        return 2;
      }
      const url = values.url as string | undefined;
      let keyPem: string | undefined;
      try {
        keyPem = values.key ? readFileSync(values.key as string, 'utf8') : undefined;
      } catch (err) {
        console.error(`bidhall log verify: cannot read the key: ${(err as Error).message}`);
        return 2;
      }
      let outcome;
      if (values.receipt) {
        let receipt: LogReceipt;
        try {
          receipt = JSON.parse(readFileSync(values.receipt as string, 'utf8')) as LogReceipt;
        } catch (err) {
          console.error(`bidhall log verify: cannot read the receipt: ${(err as Error).message}`);
          return 2;
        }
        if (!keyPem && url) {
          const res = await fetch(`${url.replace(/\/+$/, '')}/api/v1/log/key`).catch(() => undefined);
          keyPem = res?.ok ? ((await res.json()) as { publicKeyPem: string }).publicKeyPem : undefined;
        }
        if (!keyPem) {
          console.error('bidhall log verify: a receipt needs the log key (--key, or --url to fetch it)');
          return 2;
        }
        outcome = verifyReceipt(receipt, keyPem);
      } else if (url) {
        outcome = await verifyWholeLog({ url, keyPem });
      } else {
        console.error(`bidhall log verify: give --url or --receipt\n\n${USAGE}`);
        return 2;
      }
      if (outcome.ok) {
        console.log(outcome.summary);
        return 0;
      }
      console.error(`invalid: ${outcome.reason}`);
      return outcome.unusable ? 2 : 1;
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
