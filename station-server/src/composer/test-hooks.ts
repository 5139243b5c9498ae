// Test-only faults the composer's process can be asked for, read only when NODE_ENV is `test` (as jest
// sets it, and the stations a test starts inherit it): never part of a station's configuration.
//   COMPOSER_TEST_FAIL_AFTER_FIRST_PART=1  every song fails right after its first part is packaged
//                                          and offered (as if its encoder died), so the TV and phone
//                                          around a song that fails after it was offered can be tested.

export interface ComposerTestHooks {
  failAfterFirstPart: boolean;
}

export function composerTestHooks(env: NodeJS.ProcessEnv = process.env): ComposerTestHooks {
  const testing = env.NODE_ENV === 'test';
  return { failAfterFirstPart: testing && env.COMPOSER_TEST_FAIL_AFTER_FIRST_PART === '1' };
}

/** The error the hook fails a song with once its first part was offered. */
export class TestHookFailure extends Error {
  readonly code = 'test-hook';
  constructor() {
    super('test hook COMPOSER_TEST_FAIL_AFTER_FIRST_PART: the song failed after its first part');
  }
}
