// Composer errors as values: a code a client can translate, a human message, and the stage.

/** below-standard: the song was made but failed the song check, so it must not go on air. */
export type ComposerErrorCode = 'invalid-request' | 'stage-failed' | 'output-failed' | 'below-standard';

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
