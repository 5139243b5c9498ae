// Errors of the sing stage as values: a precise code and a human message.

export type SingErrorCode = 'engine-unavailable' | 'voice-unavailable' | 'bad-input';

export class SingError extends Error {
  constructor(
    readonly code: SingErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SingError';
  }
}
