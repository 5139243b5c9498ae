// Render errors as values: a precise code and a human message.

export type RenderErrorCode = 'soundfont-missing' | 'invalid-score' | 'worker-failed' | 'pool-destroyed';

export class RenderError extends Error {
  constructor(
    readonly code: RenderErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}
