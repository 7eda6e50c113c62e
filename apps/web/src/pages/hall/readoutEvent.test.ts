import { describe, expect, it } from 'vitest';
import { readoutFromEvent } from './readoutEvent.ts';

const table = {
  at: '2026-12-05T01:40:00.000Z',
  fields: [{ key: 'price', label: '投标报价', type: 'money', required: true }],
  rows: [{ bidId: '7be30edb-72a7-414c-971b-c2a7e3fdd717', order: 1, entityName: '鄂尔多斯市示范建筑工程有限公司', values: { price: '371240000000' }, bondStatus: null }],
};

describe('the readout event', () => {
  it('carries the whole table, shown without asking for the view', () => {
    expect(readoutFromEvent(JSON.stringify({ seq: 9, kind: 'readout', at: table.at, data: table }))).toEqual(table);
  });

  it('anything else is not a table: a count, broken JSON, a row without its bidder', () => {
    expect(readoutFromEvent(JSON.stringify({ seq: 9, kind: 'readout', data: { rows: 3 } }))).toBeNull();
    expect(readoutFromEvent('{"seq":')).toBeNull();
    expect(readoutFromEvent(JSON.stringify({ data: { ...table, rows: [{ order: 1 }] } }))).toBeNull();
  });
});
