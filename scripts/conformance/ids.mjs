// The IDs the report lists: the 226 functions (Annex A) and 47 business rules (Annex B) of
// CTS-EBS01-2016, the security figures the project claims, and the 27 tasks of the action plan.
// Their short titles are data beside this file (titles.json), so that a clone without the shared
// references writes the same report; `--refresh-titles` rereads them from those references.
import { readFileSync, writeFileSync } from 'node:fs';

const pad = (n, w) => String(n).padStart(w, '0');

export const IDS = [
  ...Array.from({ length: 226 }, (_, i) => `A-${pad(i + 1, 2)}`),
  ...Array.from({ length: 47 }, (_, i) => `B-${pad(i + 1, 3)}`),
  ...['F-04', 'F-05', 'F-07', 'F-08', 'F-09', 'F-12', 'F-27', 'F-28'],
  ...Array.from({ length: 27 }, (_, i) => `task-${i + 1}`),
];

/** An ID in square brackets, as test titles carry it, [B-012], [F-12], [task-9]. */
export const ID_IN_TITLE = /\[((?:A-\d{2,3})|(?:B-\d{3})|(?:task-\d{1,2})|(?:F-\d{2}))\]/g;

export const isTask = (id) => id.startsWith('task-');

const TITLES = new URL('./titles.json', import.meta.url);

export function loadTitles() {
  return JSON.parse(readFileSync(TITLES, 'utf8'));
}

/**
 * Rereads the titles from the condensed standard and the feature list (../shared beside the
 * repository). A checkpoint's title is the text from its ID to the next ID or `·`, with wrapped
 * lines joined; the first occurrence with a text of its own wins ("A-14 … A-24 — the same as …" has
 * none, "(A-14 agreement, …" has one); "F-05/F-09 …" gives both the text after the last.
 */
export function refreshTitles(standardPath, featuresPath) {
  const titles = {};
  const text = readFileSync(standardPath, 'utf8').replace(/\n(?=[^\n#])/g, ' ');
  const found = [...text.matchAll(/#?((?:A-\d{2,3})|(?:B-\d{3})|(?:F-\d{2}))\b/g)];
  const pending = [];
  found.forEach((m, i) => {
    const end = i + 1 < found.length ? found[i + 1].index : text.length;
    const raw = text.slice(m.index + m[0].length, end).split(/·|\n/)[0];
    const title = raw
      .replace(/\.\s.*$/, '') // "push (★). Site visit:" ends at its sentence
      .replace(/[\s,;.(/—–-]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const balanced = (title.match(/\(/g)?.length ?? 0) >= (title.match(/\)/g)?.length ?? 0) ? title : title.replace(/\)$/, '');
    if (raw.trim() === '/') return void pending.push(m[1]);
    const usable = balanced.length > 1 && !/^[…—]/.test(balanced);
    for (const id of [...pending.splice(0), m[1]]) if (usable) titles[id] ??= balanced;
  });
  for (const m of readFileSync(featuresPath, 'utf8').matchAll(/^\|\s*(\d+)\s*\|\s*([^|]+)\|/gm)) {
    titles[`task-${m[1]}`] = m[2].trim();
  }
  const ordered = Object.fromEntries(IDS.map((id) => [id, titles[id] ?? '']));
  writeFileSync(TITLES, `${JSON.stringify(ordered, null, 2)}\n`);
  return ordered;
}
