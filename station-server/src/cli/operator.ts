// `npm run -s operator -- add NAME --role admin|moderator|viewer | list | remove NAME | role NAME ROLE`:
// operators' accounts, on the store the station uses (DATA_DIR's SQLite file, or DATABASE_URL's
// PostgreSQL). `add` reads the password from standard input when it is piped, else makes one and
// prints it once. Bad input: one line on stderr and exit 2; an account that is not there: exit 1.
import { loadConfig } from '../config.js';
import { openStore } from '../library/open-store.js';
import { LibraryError } from '../library/library-error.js';
import type { Store } from '../library/store.js';
import { generatePassword, hashPassword, passwordProblem } from '../operators/passwords.js';
import { isRole, ROLES } from '../operators/roles.js';
import { nameProblem } from '../operators/names.js';

const USAGE = `usage: operator add NAME --role ${ROLES.join('|')} | list | remove NAME | role NAME ROLE`;

class UsageError extends Error {}
class NotFound extends Error {}

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
};

const checkName = (name: string | undefined): string => {
  if (!name) throw new UsageError(`name the account: ${USAGE}`);
  const problem = nameProblem(name);
  if (problem) throw new UsageError(`"${name}": ${problem}`);
  return name;
};

const checkRole = (role: string | undefined): 'viewer' | 'moderator' | 'admin' => {
  if (!isRole(role)) throw new UsageError(`the role must be one of ${ROLES.join(', ')}${role ? `, not "${role}"` : ''}`);
  return role;
};

async function run(args: string[], open: () => Promise<Store>): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'add') {
    const at = rest.indexOf('--role');
    const role = checkRole(at >= 0 ? rest[at + 1] : undefined);
    const others = rest.filter((_, i) => i !== at && i !== at + 1);
    if (others.length !== 1) throw new UsageError(`add takes one name and --role: ${USAGE}`);
    const name = checkName(others[0]);
    const piped = !process.stdin.isTTY;
    const password = piped ? await readStdin() : generatePassword();
    const problem = passwordProblem(password);
    if (problem) throw new UsageError(problem);
    const hash = await hashPassword(password);
    const store = await open();
    try {
      const made = await store.operators.add(name, role, hash);
      await store.operators.audit({ actor: 'cli', action: 'account.add', target: name, after: { name, role } });
      console.log(`operator: added ${made.name} (${made.role})`);
      if (!piped) console.log(`password (shown once): ${password}`);
    } finally {
      await store.close();
    }
    return;
  }
  if (command === 'list') {
    if (rest.length) throw new UsageError(`list takes no arguments: ${USAGE}`);
    const store = await open();
    try {
      const all = await store.operators.list();
      if (!all.length) console.log('operator: no accounts yet (add one with: operator add NAME --role admin)');
      for (const o of all) console.log(`${o.name}\t${o.role}\t${o.createdAt}`);
    } finally {
      await store.close();
    }
    return;
  }
  if (command === 'remove') {
    if (rest.length !== 1) throw new UsageError(`remove takes one name: ${USAGE}`);
    const name = checkName(rest[0]);
    const store = await open();
    try {
      const gone = await store.operators.remove(name);
      if (!gone) throw new NotFound(`no operator named "${name}" (see: operator list)`);
      await store.operators.audit({ actor: 'cli', action: 'account.remove', target: name, before: { name, role: gone.role } });
      console.log(`operator: removed ${name}`);
    } finally {
      await store.close();
    }
    return;
  }
  if (command === 'role') {
    if (rest.length !== 2) throw new UsageError(`role takes a name and a role: ${USAGE}`);
    const name = checkName(rest[0]);
    const role = checkRole(rest[1]);
    const store = await open();
    try {
      const before = await store.operators.get(name);
      if (!before) throw new NotFound(`no operator named "${name}" (see: operator list)`);
      await store.operators.setRole(name, role);
      await store.operators.audit({ actor: 'cli', action: 'account.role', target: name, before: { role: before.role }, after: { role } });
      console.log(`operator: ${name} is now ${role}`);
    } finally {
      await store.close();
    }
    return;
  }
  throw new UsageError(command ? `unknown command "${command}": ${USAGE}` : USAGE);
}

try {
  const config = loadConfig();
  await run(process.argv.slice(2), () => openStore(config.dataDir, process.env.DATABASE_URL || undefined, (line) => console.error(line)));
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`operator: ${message}`);
  process.exitCode = error instanceof UsageError || (error instanceof LibraryError && error.code === 'name-taken') ? 2 : 1;
}
