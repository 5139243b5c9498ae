// The Content-Security-Policy of the TV app at /tv/. The built app is our own files only: scripts
// from the station; hls.js feeding Media Source from blob: URLs (its worker too) and giving each text
// track an empty `data:,WEBVTT` source; Sandstone's inline style attributes; fonts and cover art from
// the station; the WebSocket back to the same host. Nothing else loads, nothing frames it, no plugin
// runs. test/src/tv-app.test.ts runs the built app under it and fails on any refusal.
export const TV_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'", // CSP 3: 'self' also allows ws:/wss: to this same host
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
