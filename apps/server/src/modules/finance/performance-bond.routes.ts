import {
  performanceBondGuarantee,
  performanceBondRelease,
  performanceBondRequirement,
  performanceBondView,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { PerformanceBondReading } from './performance-bond.read.ts';
import type { PerformanceBondService } from './performance-bond.service.ts';

const tags = ['finance'];
const params = z.strictObject({ id: z.uuid() });
const managers = { resource: 'performanceBond', parties: ['tenderer', 'agency'] as const };
const winner = { resource: 'performanceBond', parties: ['winner'] as const };

/** The performance bond of a section (履约保证金, A-189; decision 0038), by the section's id. */
export function registerPerformanceBondRoutes(
  app: AppInstance,
  deps: { db: Db; service: PerformanceBondService; reading: PerformanceBondReading },
) {
  const { db, service, reading } = deps;
  const url = '/api/v1/sections/:id/performance-bond';

  app.get(
    url,
    {
      config: {
        access: {
          roles: ['staff', 'supervisor', 'auditor', 'tenderer', 'agency', 'bidder'],
          scope: { resource: 'performanceBond', parties: ['tenderer', 'agency', 'winner'] },
        },
      },
      schema: {
        tags,
        summary:
          'The performance bond the tenderer asks of the winner: amount (at most 10 % of the winning price), where to pay, paid, released, refunds',
        params,
        response: { 200: performanceBondView },
      },
    },
    async (request) => reading.standing(db, request.params.id),
  );

  app.put(
    url,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary:
          'Ask the winner for a performance bond after the award notice (Reg. 58: at most 10 % of the winning price); its amount changes while nothing is paid',
        params,
        body: performanceBondRequirement,
        response: { 200: performanceBondView },
      },
    },
    async (request) => {
      await service.requireBond(request.params.id, request.body, callerOf(request));
      return reading.standing(db, request.params.id);
    },
  );

  app.post(
    `${url}/account`,
    {
      config: { access: { roles: ['bidder'], scope: winner } },
      schema: {
        tags,
        summary:
          'The winner’s performance sub-account (opened on first ask): pay the bond into it; the imported statement reconciles it',
        params,
        body: z.strictObject({}),
        response: { 200: performanceBondView },
      },
    },
    async (request) => {
      await service.openAccount(request.params.id, callerOf(request));
      return reading.standing(db, request.params.id);
    },
  );

  app.post(
    `${url}/guarantee`,
    {
      config: { access: { roles: ['bidder'], scope: winner } },
      schema: {
        tags,
        summary:
          'Furnish the performance bond as a registered guarantee in favour of the tenderer, for the section, for enough, valid now',
        params,
        body: performanceBondGuarantee,
        response: { 200: performanceBondView },
      },
    },
    async (request) => {
      await service.furnishGuarantee(request.params.id, request.body.guaranteeNumber, callerOf(request));
      return reading.standing(db, request.params.id);
    },
  );

  app.post(
    `${url}/release`,
    {
      config: { access: { roles: ['tenderer', 'agency'], scope: managers } },
      schema: {
        tags,
        summary: 'Release the performance bond (performance complete, or waived): its deposits are refunded, each once',
        params,
        body: performanceBondRelease,
        response: { 200: performanceBondView },
      },
    },
    async (request) => {
      await service.release(request.params.id, request.body.reason, callerOf(request));
      return reading.standing(db, request.params.id);
    },
  );
}
