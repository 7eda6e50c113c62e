import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../errors/domain-error.ts';

/**
 * C0 controls except tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL in
 * text, XML 1.0 refuses the rest, and none of them is ever meant in a name, a title or a query.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Headers whose value a handler keeps as data (the audit trail stores the user agent). */
const DATA_HEADERS = ['user-agent'] as const;

export interface TextProblem {
  /** Where, as validation errors name it: `body/entity/name`, `querystring/q`, `params/id`, `headers/user-agent`. */
  path: string;
  /** The offending character, `U+0000`, or the lone surrogate `U+D800`. */
  character: string;
  kind: 'control' | 'surrogate';
}

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function problemIn(text: string, path: string): TextProblem | null {
  const control = CONTROL.exec(text);
  if (control) return { path, character: codePoint(control[0]), kind: 'control' };
  if (!text.isWellFormed()) {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
    return { path, character: lone ? codePoint(lone[0]) : 'U+D800', kind: 'surrogate' };
  }
  return null;
}

/**
 * The first string in a parsed value (keys included) that carries a control character or a lone
 * surrogate. Walks with its own stack: a deeply nested body must not exhaust the call stack.
 */
export function findBadText(value: unknown, root: string): TextProblem | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const p = problemIn(v, path);
      if (p) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && isPlain(v)) {
      for (const [k, child] of Object.entries(v)) {
        const p = problemIn(k, `${path}/${k}`);
        if (p) return p;
        stack.push([child, `${path}/${k}`]);
      }
    }
  }
  return null;
}

/** Parsed data: JSON objects and the query parser's prototype-less objects; not a file's stream. */
function isPlain(v: object): boolean {
  if (typeof (v as { pipe?: unknown }).pipe === 'function') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The same refusal for a file a module parses itself (a bill of quantities as JSON or XML): its text
 * goes into the database like any body's.
 */
export function assertText(value: unknown, root = 'body'): void {
  const p = findBadText(value, root);
  if (p) refuse(p);
}

function refuse(p: TextProblem): never {
  const what = p.kind === 'control' ? `the control character ${p.character}` : `an unpaired surrogate (${p.character}), which is not text`;
  throw new DomainError(p.kind === 'control' ? 'INPUT_CONTROL_CHARACTER' : 'INPUT_INVALID_UNICODE', `${p.path} contains ${what}`, {
    path: p.path,
    character: p.character,
  });
}

function checkRequestLine(request: FastifyRequest) {
  const p =
    findBadText(request.params, 'params') ??
    findBadText(request.query, 'querystring') ??
    DATA_HEADERS.map((h) => findBadText(request.headers[h], `headers/${h}`)).find((x) => x !== null) ??
    null;
  if (p) refuse(p);
}

/**
 * One guard for text in every request (issue 9 §4): parameters, query, data headers and every string
 * of a parsed body, keys included, before the session is looked up and before any handler or scope
 * check reaches the database. Bodies that are files (a stream or bytes) are the module's to read.
 * Register it before the access plugin so that its hooks run first.
 */
export const inputGuardPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    checkRequestLine(request);
  });
  app.addHook('preValidation', async (request) => {
    const p = findBadText(request.body, 'body');
    if (p) refuse(p);
  });
});
