// Interim guard, to delete once station-server/tsconfig.json excludes "src/pages": until then the
// server project also type-checks these browser files, and they need the DOM's types to do so.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
