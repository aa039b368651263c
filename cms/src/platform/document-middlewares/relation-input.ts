/** What a write asks of a to-one relation: nothing, no target, or one target (the last named). */
export type RelationInput = { kind: 'none' } | { kind: 'clear' } | { kind: 'target'; ref: unknown };

/** Reads any of the forms the CMS and the document service accept: an id, a list, set/connect/disconnect. */
export function relationInput(data: Record<string, unknown>, field: string): RelationInput {
  const v: any = data[field];
  if (v === undefined) return { kind: 'none' };
  if (v === null) return { kind: 'clear' };
  const last = (l: unknown) => (Array.isArray(l) ? l[l.length - 1] : l);
  if (Array.isArray(v)) return v.length ? { kind: 'target', ref: last(v) } : { kind: 'clear' };
  if (typeof v === 'object' && ('set' in v || 'connect' in v || 'disconnect' in v)) {
    if ('set' in v) return v.set && (!Array.isArray(v.set) || v.set.length) ? { kind: 'target', ref: last(v.set) } : { kind: 'clear' };
    if (v.connect && (!Array.isArray(v.connect) || v.connect.length)) return { kind: 'target', ref: last(v.connect) };
    // A disconnect alone (the CMS form's "remove") clears it; an empty one asks nothing.
    return v.disconnect && (!Array.isArray(v.disconnect) || v.disconnect.length) ? { kind: 'clear' } : { kind: 'none' };
  }
  return { kind: 'target', ref: v };
}
