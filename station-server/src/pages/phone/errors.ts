// Station error codes (ErrorCode in shared/src/protocol.ts, and dedication.failed codes) to the
// translation keys the phone shows: the station sends codes, the phone speaks the person's language.

/** While pairing. */
export function pairErrorKey(code: string): string {
  switch (code) {
    case 'bad-code':
      return 'errors.badCode';
    case 'code-expired':
      return 'errors.codeExpired';
    case 'rate-limited':
      return 'errors.rateLimited';
    case 'not-paired':
      return 'errors.notPaired';
    default:
      return 'errors.internal';
  }
}

/** While sending a song. */
export function songErrorKey(code: string): string {
  switch (code) {
    case 'rate-limited':
      return 'errors.songsRateLimited';
    case 'busy':
      return 'errors.busy';
    case 'invalid-request':
    case 'bad-frame':
      return 'errors.invalid';
    case 'not-paired':
      return 'errors.notPaired';
    case 'composition-failed':
      return 'errors.failed';
    case 'too-many-takes':
      return 'errors.tooManyTakes';
    case 'unknown-take':
      return 'errors.unknownTake';
    default:
      return 'errors.internal';
  }
}
