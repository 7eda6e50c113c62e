import { DomainError } from '../../platform/errors/domain-error.ts';
import { statesPlatformAddress } from './standard-text.ts';
import type { TenderingDeps } from './tendering.deps.ts';

/**
 * The HTML to store for a notice, invitation or exception text: refused with NOTICE_HTML_UNSAFE when
 * it carries script (nothing is stored), and with PLATFORM_ADDRESS_MISSING when the editor removed the
 * platform's address (B-002, B-008). Returns disclosure's sanitised HTML, the one reviewed and published;
 * what the allow-list took out is added to `removed`, for the author's answer.
 */
export function checkedNoticeHtml(deps: Pick<TenderingDeps, 'checkNoticeHtml' | 'publicBaseUrl'>, html: string, what: 'notice' | 'invitation', removed?: string[]): string {
  const result = deps.checkNoticeHtml(html);
  if (!result.ok) {
    throw new DomainError('NOTICE_HTML_UNSAFE', `the text is refused: it contains ${result.problems.map((p) => p.what).join('; ')}`, { problems: result.problems });
  }
  if (!statesPlatformAddress(result.html, deps.publicBaseUrl)) {
    const ref = what === 'notice' ? 'B-002' : 'B-008';
    throw new DomainError('PLATFORM_ADDRESS_MISSING', `a ${what} states the platform's address (${deps.publicBaseUrl}) and how to use it (${ref})`);
  }
  removed?.push(...result.removed);
  return result.html;
}
