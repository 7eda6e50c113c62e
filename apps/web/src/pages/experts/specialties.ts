import { EXPERT_SPECIALTIES, type SpecialtyNode } from '@bidhall/contracts';

export interface SpecialtyTreeNode {
  value: string;
  title: string;
  children?: SpecialtyTreeNode[];
}

const nameOf = (s: SpecialtyNode, lang: string) => (lang === 'en' ? s.nameEn : s.nameZh);

/**
 * The specialty list as a tree for a TreeSelect: roots in list order, each with its children. A node
 * whose parent is unknown becomes a root, so no code is ever lost from the picker.
 */
export function specialtyTree(lang: string, list: readonly SpecialtyNode[] = EXPERT_SPECIALTIES): SpecialtyTreeNode[] {
  const codes = new Set(list.map((s) => s.code));
  const build = (parent: string | null): SpecialtyTreeNode[] =>
    list
      .filter((s) => (parent === null ? s.parent === null || !codes.has(s.parent) : s.parent === parent))
      .map((s) => {
        const children = build(s.code);
        return children.length ? { value: s.code, title: `${s.code} ${nameOf(s, lang)}`, children } : { value: s.code, title: `${s.code} ${nameOf(s, lang)}` };
      });
  return build(null);
}

/** A specialty's name with its parent's (工程 / 公路); the code itself when unknown. */
export function specialtyName(code: string, lang: string, list: readonly SpecialtyNode[] = EXPERT_SPECIALTIES): string {
  const s = list.find((x) => x.code === code);
  if (!s) return code;
  const parent = s.parent ? list.find((x) => x.code === s.parent) : undefined;
  return parent ? `${nameOf(parent, lang)} / ${nameOf(s, lang)}` : nameOf(s, lang);
}
