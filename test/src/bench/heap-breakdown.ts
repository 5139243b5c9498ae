// What a V8 heap snapshot is made of, by the kind of thing that holds the bytes. The page's "JS heap
// used" counts the engine's compiled code too: V8 keeps optimising functions that run every few
// seconds (hls.js loading a segment, the app's tick) for many minutes, so that figure creeps up
// while the app's own objects stay put. Telling them apart says whether the app leaks.

/** The parts of a `.heapsnapshot` this reads (the format DevTools' HeapProfiler streams). */
interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

export interface HeapBreakdown {
  /** What the app's JavaScript allocates: objects, arrays, closures, strings, numbers. */
  jsObjects: number;
  /** Hidden classes (object shapes) of those objects. */
  shapes: number;
  /** Compiled code and its metadata: grows as the engine optimises more functions. */
  code: number;
  /** Objects of the browser itself (DOM, styles, layout) and of the engine's internals. */
  native: number;
  total: number;
}

const JS_TYPES = new Set(['object', 'array', 'closure', 'string', 'concatenated string', 'sliced string', 'number', 'symbol', 'bigint', 'regexp']);

/** Self sizes summed by node type, in bytes. */
export function heapBreakdown(snapshotJson: string): HeapBreakdown {
  const { snapshot, nodes } = JSON.parse(snapshotJson) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  if (typeAt < 0 || sizeAt < 0) throw new Error('not a V8 heap snapshot: its nodes have no type or self_size');
  const out: HeapBreakdown = { jsObjects: 0, shapes: 0, code: 0, native: 0, total: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]!] ?? '';
    const size = nodes[i + sizeAt]!;
    out.total += size;
    if (JS_TYPES.has(type)) out.jsObjects += size;
    else if (type === 'object shape') out.shapes += size;
    else if (type === 'code') out.code += size;
    else out.native += size;
  }
  return out;
}
