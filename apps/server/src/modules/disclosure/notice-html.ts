import sanitizeHtml from 'sanitize-html';
import { cleanRichText, type RichTextPolicy } from '../../platform/text/rich-text.ts';

/** What a notice may contain: text structure, tables, lists, emphasis and http(s) links. */
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre',
  'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a',
];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'type'],
};

/** Elements that run or load code: a notice containing one is refused, not quietly cleaned. */
const ACTIVE_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'svg', 'math', 'template']);
/** Attributes whose value is a URL a browser may follow or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'lowsrc', 'dynsrc', 'cite', 'longdesc', 'usemap', 'srcset', 'ping']);
const SCRIPT_SCHEME = /^(javascript|vbscript|livescript|data:text\/html|data:image\/svg)/;

export interface NoticeHtmlProblem {
  kind: 'activeElement' | 'eventHandler' | 'scriptUrl' | 'scriptStyle';
  /** Where, in words: `<script> element`, `onerror attribute on <img>`, `javascript: URL in href of <a>`. */
  what: string;
}

/** `removed`: harmless markup the allow-list took out (`<div> element`, `class attribute on <p>`), to tell the author. */
export type NoticeHtmlCheck = { ok: true; html: string; removed: string[] } | { ok: false; problems: NoticeHtmlProblem[] };

const NOTICE_POLICY: RichTextPolicy = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  // A link leaving the platform never gets a handle on the portal page.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** A URL as a browser reads it: entities decoded by the parser, then blanks and controls ignored. */
function scheme(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, '').toLowerCase();
}

/**
 * Checks a notice's HTML. Script, event handlers, script URLs and other active content make it
 * unsafe: the problems are named and nothing is cleaned, because a notice with script in it is refused
 * (issue 4). Otherwise the HTML is returned sanitised to the notice allowlist (harmless markup such as
 * `<div>` or `class` is dropped and named in `removed`), which is what gets reviewed, published and hashed.
 */
export function checkNoticeHtml(html: string): NoticeHtmlCheck {
  const found = new Map<string, NoticeHtmlProblem>();
  const add = (p: NoticeHtmlProblem) => found.set(p.what, p);
  const inspect = (tag: string, attribs: Record<string, string>) => {
    const name = tag.toLowerCase();
    if (ACTIVE_TAGS.has(name)) add({ kind: 'activeElement', what: `<${name}> element` });
    for (const [rawAttr, value] of Object.entries(attribs)) {
      const attr = rawAttr.toLowerCase();
      if (attr.startsWith('on')) add({ kind: 'eventHandler', what: `${attr} attribute on <${name}>` });
      else if (attr === 'srcdoc') add({ kind: 'activeElement', what: `srcdoc attribute on <${name}>` });
      else if (URL_ATTRIBUTES.has(attr) && SCRIPT_SCHEME.test(scheme(value))) {
        add({ kind: 'scriptUrl', what: `${scheme(value).split(':')[0]}: URL in ${attr} of <${name}>` });
      } else if (attr === 'style' && /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(value)) {
        add({ kind: 'scriptStyle', what: `script in the style attribute of <${name}>` });
      }
    }
  };
  const clean = cleanRichText(html, NOTICE_POLICY, inspect);
  if (found.size) return { ok: false, problems: [...found.values()] };
  return { ok: true, html: clean.html, removed: clean.removed };
}

/** The readable text of notice HTML, for search and excerpts. */
export function noticeText(html: string): string {
  const spaced = html.replace(/<\/(p|h[1-6]|li|dt|dd|td|th|tr|div|blockquote|caption)\s*>|<br\s*\/?>|<hr\s*\/?>/gi, '$& ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
