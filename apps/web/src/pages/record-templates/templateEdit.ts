// What the template editor does to a template's content, apart from React: moving, renaming, adding and
// removing the record's parts (never a part the law requires), inserting a placeholder, and the preview
// of a record laid out by it with sample facts (as the server's recordHtml lays it out).
import { RECORD_BLOCKS, REQUIRED_RECORD_BLOCKS, type RecordBlock, type RecordTemplateContent } from '@bidhall/contracts';

export type Blocks = RecordTemplateContent['blocks'];

export function move(blocks: Blocks, index: number, by: -1 | 1): Blocks {
  const to = index + by;
  if (to < 0 || to >= blocks.length) return blocks;
  const next = [...blocks];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const removable = (block: RecordBlock) => !REQUIRED_RECORD_BLOCKS.includes(block);

export function remove(blocks: Blocks, index: number): Blocks {
  const b = blocks[index];
  return b && removable(b.block) ? blocks.filter((_x, i) => i !== index) : blocks;
}

/** The parts a template does not have yet (only optional ones can be missing). */
export const missing = (blocks: Blocks): RecordBlock[] => RECORD_BLOCKS.filter((b) => !blocks.some((x) => x.block === b));

export const add = (blocks: Blocks, block: RecordBlock, heading: string): Blocks => (blocks.some((b) => b.block === block) ? blocks : [...blocks, { block, heading }]);

/** `{{name}}` inserted at the caret (or at the end), so a staff member need not type the braces. */
export function insertPlaceholder(text: string, name: string, at = text.length): { text: string; caret: number } {
  const token = `{{${name}}}`;
  const i = Math.max(0, Math.min(at, text.length));
  return { text: text.slice(0, i) + token + text.slice(i), caret: i + token.length };
}

/** A text with its placeholders filled from `facts`; an unknown one stays visible as written. */
export const fill = (text: string, facts: Readonly<Record<string, string>>) => text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (m, name: string) => facts[name] ?? m);
