// Test-only faults the composer's process can be asked for, read only when NODE_ENV is `test` (as jest
// sets it, and the stations a test starts inherit it): never part of a station's configuration.
//   COMPOSER_TEST_FAIL_AFTER_FIRST_PART=1    every song fails right after its first part is packaged
//                                            and offered (as if its encoder died);
//   COMPOSER_TEST_FAIL_AFTER_FIRST_PART=end  every song fails when the rest is made (as if its check
//                                            failed), so a TV has time to play its start first.
// Both test the TV and phone around a song that fails after it was offered.

export interface ComposerTestHooks {
  /** When a song offered while it is made fails: not at all (no hook), at once, or once the rest is made. */
  failAfterFirstPart: 'no' | 'at-once' | 'at-end';
}

export function composerTestHooks(env: NodeJS.ProcessEnv = process.env): ComposerTestHooks {
  const value = env.NODE_ENV === 'test' ? env.COMPOSER_TEST_FAIL_AFTER_FIRST_PART : undefined;
  return { failAfterFirstPart: value === '1' ? 'at-once' : value === 'end' ? 'at-end' : 'no' };
}

/** The error the hook fails a song with once its first part was offered. */
export class TestHookFailure extends Error {
  readonly code = 'test-hook';
  constructor() {
    super('test hook COMPOSER_TEST_FAIL_AFTER_FIRST_PART: the song failed after its first part');
  }
}
