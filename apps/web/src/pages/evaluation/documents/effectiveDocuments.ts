// Reads the committee's effective documents in the browser, trusting only the bytes: the
// manifest hashes to the version's SM3, each clarification hashes to the SM3 the manifest lists, and
// the method the evaluation opened with hashes to the manifest's method. What is shown is
// parsed from those same bytes. The crypto code loads only when this runs.
import {
  effectiveClarification,
  effectiveManifest,
  type EffectiveClarification,
  type EffectiveManifest,
  type EvaluationDocumentsView,
} from '@bidhall/contracts';
import { failed, passed, shortHex, skipped, type Check } from '../../../trust/checks.ts';

export interface EffectiveDocuments {
  ok: boolean;
  checks: Check[];
  manifest: EffectiveManifest | null;
  clarifications: EffectiveClarification[];
}

const parsed = <T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  bytes: Uint8Array,
): T | null => {
  try {
    const r = schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
};

export async function readEffectiveDocuments(view: EvaluationDocumentsView): Promise<EffectiveDocuments> {
  const { canonicalJson, fromBase64, sm3, toHex } = await import('@bidhall/crypto/browser');
  const hash = (b: Uint8Array) => toHex(sm3(b));
  const checks: Check[] = [];

  const manifestBytes = fromBase64(view.manifestBase64);
  const manifestSm3 = hash(manifestBytes);
  const manifest = parsed(effectiveManifest, manifestBytes);
  checks.push(
    manifestSm3 === view.versionSm3 && manifest?.version === view.version
      ? passed('documentVersionSm3', { version: view.version, sm3: shortHex(manifestSm3) })
      : failed('documentVersionSm3', 'failed', {
          version: view.version,
          sm3: shortHex(manifestSm3),
          expected: shortHex(view.versionSm3),
        }),
  );

  const listed = manifest?.clarifications ?? [];
  const clarifications: EffectiveClarification[] = [];
  let broken: number | null = listed.length === view.clarifications.length ? null : 0;
  view.clarifications.forEach((c, i) => {
    const bytes = fromBase64(c.contentBase64);
    const content = parsed(effectiveClarification, bytes);
    const entry = listed[i];
    const intact =
      content !== null && hash(bytes) === c.contentSm3 && entry?.contentSm3 === c.contentSm3 && entry.number === content.number;
    if (content) clarifications.push(content);
    if (!intact && broken === null) broken = c.number;
  });
  checks.push(
    broken === null
      ? passed('documentClarifications', { count: clarifications.length })
      : failed('documentClarifications', 'failed', { number: broken }),
  );

  if (view.evaluationMethodSm3 === null || !manifest) checks.push(skipped('documentMethod'));
  else {
    const methodSm3 = hash(canonicalJson(manifest.method));
    checks.push(
      methodSm3 === view.evaluationMethodSm3
        ? passed('documentMethod', { sm3: shortHex(methodSm3) })
        : failed('documentMethod', 'failed', { sm3: shortHex(view.evaluationMethodSm3), expected: shortHex(methodSm3) }),
    );
  }
  return { ok: checks.every((c) => c.status !== 'failed'), checks, manifest, clarifications };
}
