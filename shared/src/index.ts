export * from './catalog.js';
export * from './request.js';
export * from './protocol.js';
export * from './catalog-strings.js';
export * from './server-frames.js';
export * from './paths.js';
