// The backup settings: documented defaults, and a bad value stops start-up naming the setting.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const refused = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env, '/srv/radio');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the setting was accepted');
};

describe('backup settings', () => {
  it('default to no schedule, ./backups and the newest 7', () => {
    const c = loadConfig({}, '/srv/radio');
    expect(c.backupCron).toBeUndefined();
    expect(c.backupDir).toBe('/srv/radio/backups');
    expect(c.backupKeep).toBe(7);
  });

  it('take a cron expression, a folder and a count', () => {
    const c = loadConfig({ BACKUP_CRON: ' 30 3 * * * ', BACKUP_DIR: '/mnt/safe', BACKUP_KEEP: '14' }, '/srv/radio');
    expect([c.backupCron, c.backupDir, c.backupKeep]).toEqual(['30 3 * * *', '/mnt/safe', 14]);
  });

  it('refuse a bad expression, a bad count, and a schedule in cluster mode, naming the setting', () => {
    expect(refused({ BACKUP_CRON: 'every night' }).message).toMatch(/^BACKUP_CRON: .*cron expression like "30 3 \* \* \*"/);
    expect(refused({ BACKUP_KEEP: '0' }).message).toMatch(/^BACKUP_KEEP: .*from 1 to 1000/);
    expect(refused({ BACKUP_KEEP: 'many' }).message).toMatch(/^BACKUP_KEEP/);
    expect(refused({ BACKUP_CRON: '30 3 * * *', DATABASE_URL: 'postgres://u:p@db:5432/radio' }).message).toMatch(/^BACKUP_CRON: .*cluster mode/);
  });
});
