import sanitizeHtml from 'sanitize-html';
import { DomainError } from '../../platform/errors/domain-error.ts';

// Markup that can run code or load content: refused outright rather than silently dropped, so the
// author sees that what they wrote is not what would be published.
const UNSAFE = /<\s*\/?\s*(script|iframe|object|embed|style|link|meta|form|base)\b|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span'],
  allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['https', 'http', 'mailto'],
};

/** Rich text from the editors: refused when it carries active content, otherwise cleaned to the allowed subset. */
export function safeHtml(html: string, what: string): string {
  if (UNSAFE.test(html)) throw new DomainError('CONTENT_UNSAFE', `${what} contains markup that is not allowed (scripts, frames, event handlers)`, { field: what });
  return sanitizeHtml(html, ALLOWED);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
