import sanitizeHtml from 'sanitize-html';

/** What a kind of rich text may contain. */
export interface RichTextPolicy {
  allowedTags: readonly string[];
  /** Attributes by tag; `*` for every allowed tag. */
  allowedAttributes: Readonly<Record<string, readonly string[]>>;
  /** URL schemes of `href` and `src`; a relative URL is always allowed. */
  allowedSchemes: readonly string[];
  allowProtocolRelative?: boolean;
  transformTags?: sanitizeHtml.IOptions['transformTags'];
}

export interface CleanedHtml {
  html: string;
  /**
   * What the allow-list took out, in words the author can act on and de-duplicated:
   * `<div> element`, `class attribute on <p>`, `ftp: URL in href of <a>`, `comment`.
   */
  removed: string[];
}

const URL_ATTRIBUTES = new Set(['href', 'src']);

/**
 * Rich text cleaned to an allow-list (sanitize-html), with a report of what was removed so that the
 * author is told instead of finding it silently gone. Text inside a removed element stays.
 * `inspect` sees every opening tag as written (for a caller that refuses some content outright).
 */
export function cleanRichText(html: string, policy: RichTextPolicy, inspect?: (tag: string, attribs: Record<string, string>) => void): CleanedHtml {
  const removed = new Set<string>();
  const tags = new Set(policy.allowedTags);
  const schemes = new Set(policy.allowedSchemes);
  const onOpenTag = (rawTag: string, attribs: Record<string, string>) => {
    inspect?.(rawTag, attribs);
    const tag = rawTag.toLowerCase();
    if (!tags.has(tag)) {
      removed.add(`<${tag}> element`);
      return;
    }
    const allowed = new Set([...(policy.allowedAttributes[tag] ?? []), ...(policy.allowedAttributes['*'] ?? [])]);
    for (const [rawAttr, value] of Object.entries(attribs)) {
      const attr = rawAttr.toLowerCase();
      if (!allowed.has(attr)) removed.add(`${attr} attribute on <${tag}>`);
      else if (URL_ATTRIBUTES.has(attr)) {
        const url = value.trim();
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
        if (scheme !== undefined && !schemes.has(scheme)) removed.add(`${scheme}: URL in ${attr} of <${tag}>`);
        else if (url.startsWith('//') && !policy.allowProtocolRelative) removed.add(`protocol-relative URL in ${attr} of <${tag}>`);
      }
    }
  };
  const clean = sanitizeHtml(html, {
    allowedTags: [...policy.allowedTags],
    allowedAttributes: Object.fromEntries(Object.entries(policy.allowedAttributes).map(([k, v]) => [k, [...v]])),
    allowedSchemes: [...policy.allowedSchemes],
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
    allowProtocolRelative: policy.allowProtocolRelative ?? false,
    disallowedTagsMode: 'discard',
    ...(policy.transformTags ? { transformTags: policy.transformTags } : {}),
    onOpenTag,
  });
  if (/<!--/.test(html)) removed.add('comment');
  return { html: clean, removed: [...removed] };
}

/** A written text's view as answered to its author: with what the allow-list took out, if anything. */
export function withRemoved<V extends object>(view: V, removed: readonly string[]): V & { removedMarkup?: string[] } {
  return removed.length ? { ...view, removedMarkup: [...new Set(removed)] } : view;
}
