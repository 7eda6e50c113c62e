import {
  feeChargeQuery,
  feeChargeView,
  feePayment,
  feeScheduleInput,
  feeScheduleView,
  feeStaffSettlement,
  regionCode,
} from '@bidhall/contracts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { callerOf } from './caller.ts';
import type { FeeReading } from './fees.read.ts';
import type { FeeSchedules } from './fees.schedule.ts';
import type { FeeSettlement } from './fees.settlement.ts';

const tags = ['finance'];
const params = z.strictObject({ id: z.uuid() });
const SCHEDULES = 'the fee schedules of the regions the caller answers for';
const CHARGES = 'fee charges of sections of the caller’s regions';

/** Fees (issue 13 §7, A-188, A-190…A-194; decision 0038): schedules, charges, settlements. */
export function registerFeeRoutes(
  app: AppInstance,
  deps: { db: Db; schedules: FeeSchedules; settlement: FeeSettlement; reading: FeeReading },
) {
  const { db, schedules, settlement, reading } = deps;

  app.get(
    '/api/v1/fee-schedules',
    {
      config: { access: { roles: ['staff', 'admin', 'supervisor', 'auditor'], scope: { list: SCHEDULES } } },
      schema: {
        tags,
        summary:
          'Fee schedules of the caller’s regions (with regionCode: that region’s, version 0 and no items when never set — nothing is charged)',
        querystring: z.strictObject({ regionCode: regionCode.optional() }),
        response: { 200: z.array(feeScheduleView) },
      },
    },
    async (request) => schedules.list(db, request.query.regionCode, callerOf(request)),
  );

  app.put(
    '/api/v1/fee-schedules',
    {
      config: { access: { roles: ['staff', 'admin'], scope: { list: SCHEDULES } } },
      schema: {
        tags,
        summary:
          'Set a region’s fee schedule (replaced whole, a new version): fixed or per mille of the winning price, paid by the winner or the tenderer; never a tender-document fee (task 14)',
        body: feeScheduleInput,
        response: { 200: feeScheduleView },
      },
    },
    async (request) => schedules.set(request.body, callerOf(request)),
  );

  app.get(
    '/api/v1/fee-charges',
    {
      config: { access: { roles: ['staff', 'supervisor', 'auditor'], scope: { list: CHARGES } } },
      schema: {
        tags,
        summary: 'Fee charges of the caller’s regions with their settlements, newest first',
        querystring: feeChargeQuery,
        response: { 200: z.array(feeChargeView) },
      },
    },
    async (request) => reading.list(db, request.query, callerOf(request)),
  );

  app.get(
    '/api/v1/fee-charges/mine',
    {
      config: { access: { roles: ['tenderer', 'agency', 'bidder'], scope: { own: 'entity' } } },
      schema: {
        tags,
        summary: 'The fee charges the caller’s entity pays, with their settlements',
        response: { 200: z.array(feeChargeView) },
      },
    },
    async (request) => reading.mine(db, callerOf(request)),
  );

  app.post(
    '/api/v1/fee-charges/:id/settlement',
    {
      config: { access: { roles: ['staff'], scope: { resource: 'feeCharge', parties: [] } } },
      schema: {
        tags,
        summary:
          'Settle a charge: a credit of an imported statement matched to it (bank transfer), or an offset against the payer’s held deposit',
        params,
        body: feeStaffSettlement,
        response: { 200: feeChargeView },
      },
    },
    async (request) => {
      await settlement.settle(request.params.id, request.body, callerOf(request));
      return reading.one(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/fee-charges/:id/payment',
    {
      config: { access: { roles: ['tenderer', 'agency', 'bidder'], scope: { resource: 'feeCharge', parties: ['subject'] } } },
      schema: {
        tags,
        summary:
          'The payer settles its charge: online through the bank’s payment gateway (once however often asked), or offset against its held deposit',
        params,
        body: feePayment,
        response: { 200: feeChargeView },
      },
    },
    async (request) => {
      await settlement.pay(request.params.id, request.body, callerOf(request));
      return reading.one(db, request.params.id);
    },
  );
}
