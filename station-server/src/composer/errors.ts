// Composer errors as values: a code a client can translate, a human message, and the stage.

export type ComposerErrorCode = 'invalid-request' | 'stage-failed' | 'output-failed';

export class ComposerError extends Error {
  constructor(
    readonly code: ComposerErrorCode,
    message: string,
    readonly stage?: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ComposerError';
  }
}
