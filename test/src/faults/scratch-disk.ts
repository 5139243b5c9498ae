// A small filesystem the disk fault tests make themselves: a size-limited tmpfs, which can be filled to
// the last byte or made read-only. Needs root (or CAP_SYS_ADMIN); without it the tests say why they
// skip. The tests run as root, where chmod stops nothing, so a real mount is the only honest refusal.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface ScratchDisk {
  dir: string;
  remountReadOnly(): void;
  /** Fills the disk with one file until the kernel says ENOSPC; returns the file. */
  fill(): string;
  unmount(): void;
}

/** Mounts a tmpfs of `megabytes` at `dir`; a string (why not) when this process may not mount. */
export function mountScratchDisk(dir: string, megabytes: number): ScratchDisk | string {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    return `cannot mount a tmpfs at ${dir} (${stderr || (error instanceof Error ? error.message : String(error))}); run the fault tests as root to cover a full or read-only disk`;
  }
  let mounted = true;
  return {
    dir,
    remountReadOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    },
    fill() {
      const file = join(dir, 'filler');
      const fd = openSync(file, 'a');
      try {
        for (const size of [1 << 20, 1 << 12, 1]) {
          const chunk = Buffer.alloc(size, 0x55);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
      return file;
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      // Lazy: a station process killed a moment ago may still hold a file open.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    },
  };
}
