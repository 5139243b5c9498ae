// Operators' account names: short, lower-case and unambiguous, since they appear in the audit log and
// are typed at a login form.
export const NAME_MIN_CHARS = 2;
export const NAME_MAX_CHARS = 32;

/** Why a name cannot be an account's, or undefined when it will do. */
export function nameProblem(name: string): string | undefined {
  if (name.length < NAME_MIN_CHARS || name.length > NAME_MAX_CHARS) return `the name must be ${NAME_MIN_CHARS} to ${NAME_MAX_CHARS} characters long`;
  if (!/^[a-z][a-z0-9._-]*$/.test(name)) return 'the name must start with a lower-case letter and hold only a-z, 0-9, ".", "_" and "-"';
  return undefined;
}
