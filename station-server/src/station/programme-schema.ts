// The operators' file format (playlists/channels.yaml and playlists/playlists/*.yaml), as zod
// schemas: unions checked when a file loads, never strings that quietly fall back to a default.
import { z } from 'zod';
import { GENRES, LANGUAGES, THEMES, VIBES } from '@radio-optimism/shared';
import { CronExpressionParser } from 'cron-parser';

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const id = (what: string) => z.string().regex(ID, `${what} must be lowercase letters, digits and dashes (like "late-night")`);
const listOf = <T extends string>(field: string, values: readonly T[]) =>
  z.array(z.enum(values as unknown as [T, ...T[]], { error: (i) => `unknown ${field} "${String(i.input)}": use one of ${values.join(', ')}` })).min(1, `${field} needs at least one value`);

const duration = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(m|h|min|minutes?|hours?)$/, 'duration is a number of minutes or hours, like "90m" or "2h"')
  .transform((s) => {
    const value = Number.parseFloat(s);
    return Math.round(/h/.test(s) ? value * 3_600_000 : value * 60_000);
  });

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone: use an IANA name like "Europe/Lisbon" or "UTC"');

export const showSchema = z
  .object({
    name: z.string().min(1).max(60),
    cron: z.string().refine((expr) => {
      try {
        CronExpressionParser.parse(expr);
        return expr.trim().split(/\s+/).length >= 5;
      } catch {
        return false;
      }
    }, 'not a cron expression: five fields, minute hour day-of-month month day-of-week, like "0 7 * * 1-5"'),
    timezone: timezone.default('UTC'),
    duration,
    playlist: id('playlist'),
  })
  .strict();

export const channelSchema = z
  .object({
    id: id('channel id'),
    name: z.string().min(1).max(60),
    description: z.string().max(200).default(''),
    playlist: id('playlist'),
    shows: z.array(showSchema).default([]),
  })
  .strict();

export const channelsFileSchema = z.object({ channels: z.array(channelSchema).min(1, 'define at least one channel') }).strict();

export const playlistSchema = z
  .object({
    name: z.string().min(1).max(60),
    mode: z.enum(['normal', 'randomize', 'random'], { error: 'mode is normal (in order), randomize (shuffled each pass) or random (any song each time)' }).default('randomize'),
    match: z
      .object({
        genre: listOf('genre', GENRES).optional(),
        vibe: listOf('vibe', VIBES).optional(),
        language: listOf('language', LANGUAGES).optional(),
        theme: listOf('theme', THEMES).optional(),
      })
      .strict()
      .default({}),
    songs: z.array(z.string().min(1)).optional(),
    noRepeat: z.number().int().min(0).max(500).default(6),
    transition: z
      .object({
        type: z.enum(['cut', 'crossfade'], { error: 'transition type is cut or crossfade' }),
        seconds: z.number().min(0).max(8).default(2),
      })
      .strict()
      .default({ type: 'cut', seconds: 0 }),
    jingleEvery: z.number().int().min(0).max(100).default(0),
    dedications: z.boolean().default(true),
    fallback: id('fallback playlist').optional(),
  })
  .strict();

export type ShowConfig = z.infer<typeof showSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;
export type PlaylistConfig = z.infer<typeof playlistSchema> & { id: string };
