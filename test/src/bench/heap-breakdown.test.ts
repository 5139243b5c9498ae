// The breakdown must put each byte of a snapshot in exactly one part, by its node type.
import { describe, expect, it } from '@jest/globals';
import { heapBreakdown } from './heap-breakdown.js';

const TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
/** A snapshot in DevTools' layout: each node is [type, name, id, self_size, edge_count]. */
const snapshot = (nodes: [type: string, size: number][]) =>
  JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [TYPES, 'string', 'number', 'number', 'number'] } },
    nodes: nodes.flatMap(([type, size], i) => [TYPES.indexOf(type), 0, i + 1, size, 0]),
    edges: [],
    strings: [''],
  });

describe('heapBreakdown', () => {
  it('sorts bytes into the app’s objects, shapes, compiled code and the browser’s own', () => {
    const b = heapBreakdown(snapshot([['object', 100], ['closure', 20], ['string', 7], ['concatenated string', 3], ['code', 500], ['object shape', 40], ['native', 1000], ['hidden', 9], ['synthetic', 0]]));
    expect(b).toEqual({ jsObjects: 130, shapes: 40, code: 500, native: 1009, total: 1679 });
  });

  it('refuses what is not a heap snapshot', () => {
    expect(() => heapBreakdown(JSON.stringify({ snapshot: { meta: { node_fields: ['name'], node_types: [[]] } }, nodes: [] }))).toThrow(/not a V8 heap snapshot/);
  });
});
