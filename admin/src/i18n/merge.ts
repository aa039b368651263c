/** Deep merge of message trees (later trees win); pure, so the unit tests can use it. */
export type MessageTree = { [key: string]: string | MessageTree };

export function mergeMessages(...trees: MessageTree[]): MessageTree {
  const out: MessageTree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const prev = out[key];
      out[key] = typeof value === 'object' && typeof prev === 'object' ? mergeMessages(prev, value) : value;
    }
  }
  return out;
}

/** Dotted paths of every leaf, sorted: two trees hold the same messages when these are equal. */
export function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([k, v]) => (typeof v === 'object' ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();
}

/** What a resource folder's messages.ts exports: the same keys in both languages. */
export interface FolderMessages {
  id: MessageTree;
  en: MessageTree;
}
