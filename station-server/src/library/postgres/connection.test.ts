import { describe, expect, it } from '@jest/globals';
import { LibraryError } from '../library-error.js';
import { connectionProblem, describeUrl } from './connection.js';

const driverError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('PostgreSQL errors as LibraryErrors', () => {
  const where = 'db.example:5432/radio';
  it.each([
    ['ECONNREFUSED', 'database-unreachable'],
    ['ENOTFOUND', 'database-unreachable'],
    ['57P01', 'database-unreachable'],
    ['08006', 'database-unreachable'],
    ['28P01', 'database-refused'],
    ['3D000', 'database-refused'],
    ['53100', 'disk-full'],
    ['25006', 'read-only'],
  ])('%s is %s, in one line naming the server', (code, expected) => {
    const problem = connectionProblem(where, driverError(code, 'first line\nsecond line'));
    expect(problem).toBeInstanceOf(LibraryError);
    expect(problem!.code).toBe(expected);
    expect(problem!.message).toContain(where);
    expect(problem!.message).not.toContain('\n');
  });

  it('leaves other errors (a bug, a bad row) alone', () => {
    expect(connectionProblem(where, driverError('23505'))).toBeUndefined();
    expect(connectionProblem(where, new TypeError('oops'))).toBeUndefined();
  });

  it('names the server by host, port and database, never by user or password', () => {
    expect(describeUrl('postgres://radio:hunter2@db.example:6543/radio')).toBe('db.example:6543/radio');
    expect(describeUrl('postgresql://radio:hunter2@db.example/radio')).toBe('db.example:5432/radio');
    expect(describeUrl('postgres:///radio?host=/run/postgresql')).toBe('/run/postgresql:5432/radio');
  });
});
