import type { Selectable } from 'kysely';
import { escapeXml } from '../../platform/text/encode.ts';
import type { PublicationTable } from './disclosure.tables.ts';
import { noticeUrl } from './publication.queries.ts';

const TYPE_NAMES: Record<string, string> = {
  tenderNotice: '招标公告',
  prequalificationNotice: '资格预审公告',
  invitationResult: '投标邀请',
  clarification: '澄清与修改',
  siteVisit: '踏勘现场',
  termination: '终止公告',
  retender: '重新招标公告',
};

/** Titles, excerpts and codes are plain text: encoded as XML text, never read as markup. */
const xml = escapeXml;

/**
 * An Atom 1.0 feed (RFC 4287) of publications. `base` is the platform's public origin; entry ids are
 * stable URNs so a reader never sees an entry twice, `updated` moves when a notice is terminated or
 * withdrawn.
 */
export function renderAtom(rows: Selectable<PublicationTable>[], opts: { base: string; selfPath: string; now: Date; title: string }): string {
  const updatedOf = (r: Selectable<PublicationTable>) => (r.status_changed_at ?? r.published_at).toISOString();
  const feedUpdated = rows.length ? rows.map(updatedOf).sort().at(-1)! : opts.now.toISOString();
  const entries = rows.map((r) => {
    const status = r.status === 'published' ? '' : r.status === 'terminated' ? '【已终止】' : '【已撤回】';
    return [
      '  <entry>',
      `    <id>urn:uuid:${r.id}</id>`,
      `    <title>${xml(status + (r.prominent ? '【重要】' : '') + r.title)}</title>`,
      `    <updated>${updatedOf(r)}</updated>`,
      `    <published>${r.published_at.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xml(opts.base + noticeUrl(r.id))}"/>`,
      `    <link rel="related" type="application/json" href="${xml(`${opts.base}/api/v1/public/notices/${r.id}`)}"/>`,
      `    <category term="${xml(r.type)}" label="${xml(TYPE_NAMES[r.type] ?? r.type)}"/>`,
      `    <category term="${xml(r.category)}" scheme="urn:bidhall:category"/>`,
      `    <category term="${xml(r.region_code)}" scheme="urn:bidhall:region"/>`,
      `    <summary type="text">${xml(r.excerpt)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(opts.base + opts.selfPath)}</id>`,
    `  <title>${xml(opts.title)}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    '  <author><name>bidhall</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xml(opts.base + opts.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${opts.base}/`)}"/>`,
    '  <generator>bidhall</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
