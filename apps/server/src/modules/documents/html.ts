import { DomainError } from '../../platform/errors/domain-error.ts';
import { cleanRichText, type CleanedHtml, type RichTextPolicy } from '../../platform/text/rich-text.ts';

export { escapeHtml } from '../../platform/text/encode.ts';

// Markup that can run code or load content: refused outright rather than silently dropped, so the
// author sees that what they wrote is not what would be published.
const UNSAFE = /<\s*\/?\s*(script|iframe|object|embed|style|link|meta|form|base)\b|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;

const ALLOWED: RichTextPolicy = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span'],
  allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: true,
};

/**
 * Rich text from the editors: refused when it carries active content, otherwise cleaned to the
 * allowed subset; `removed` names what the cleaning took out, so the author is told.
 */
export function safeHtml(html: string, what: string): CleanedHtml {
  if (UNSAFE.test(html)) throw new DomainError('CONTENT_UNSAFE', `${what} contains markup that is not allowed (scripts, frames, event handlers)`, { field: what });
  return cleanRichText(html, ALLOWED);
}
