// Turns instrument tracks into what one synthesizer plays: a channel set-up per track and a list of
// note events at exact sample frames, sorted so that equal-time note-offs come before note-ons.
import type { InstrumentTrack } from '../types.js';
import { RenderError } from './errors.js';

export interface ChannelSetup {
  channel: number;
  drums: boolean;
  program: number;
  volume: number;
  pan: number;
  reverb: number;
}

/** A note event: `on` false is a note-off. */
export interface NoteEvent {
  frame: number;
  on: boolean;
  channel: number;
  pitch: number;
  velocity: number;
}

export interface SynthPlan {
  channels: ChannelSetup[];
  events: NoteEvent[];
}

const DRUM_CHANNEL = 9;
const clamp7 = (x: number): number => Math.max(0, Math.min(127, Math.round(x)));

/**
 * Each track gets a synthesizer channel of its own (its `channel` field is honoured only to tell drums,
 * 9, from the rest), so two tracks never fight over one channel's program or volume.
 */
export function planTracks(tracks: readonly InstrumentTrack[], sampleRate: number, frames: number): SynthPlan {
  const channels: ChannelSetup[] = tracks.map((track, index) => {
    if (!Number.isFinite(track.program) || !Number.isFinite(track.volume) || !Number.isFinite(track.pan)) {
      throw new RenderError('invalid-score', `track ${index} (${track.name}) has a program, volume or pan that is not a number`);
    }
    return {
      channel: index,
      drums: track.channel === DRUM_CHANNEL,
      program: clamp7(track.program),
      volume: clamp7(track.volume),
      pan: clamp7(track.pan),
      reverb: clamp7(track.reverb ?? 0),
    };
  });

  const raw: (NoteEvent & { note: number })[] = [];
  let noteId = 0;
  tracks.forEach((track, channel) => {
    for (const note of track.notes) {
      if (!Number.isFinite(note.start) || !Number.isFinite(note.duration)) {
        throw new RenderError('invalid-score', `track ${channel} (${track.name}) has a note whose start or duration is not a number`);
      }
      const velocity = clamp7(note.velocity);
      const pitch = Math.round(note.pitch);
      if (velocity === 0 || pitch < 0 || pitch > 127) continue;
      const start = Math.max(0, Math.round(note.start * sampleRate));
      if (start >= frames) continue;
      // At least one frame long, so the note-off never lands before its note-on.
      const end = Math.min(frames, Math.max(start + 1, Math.round((note.start + note.duration) * sampleRate)));
      const id = noteId++;
      raw.push({ frame: start, on: true, channel, pitch, velocity, note: id });
      raw.push({ frame: end, on: false, channel, pitch, velocity: 0, note: id });
    }
  });
  raw.sort((a, b) => a.frame - b.frame || Number(a.on) - Number(b.on) || a.channel - b.channel || a.pitch - b.pitch || a.note - b.note);

  // A MIDI note-off silences every sounding copy of its key. When two notes of one key overlap, the
  // later one re-strikes the key (the earlier is released first, as a player would) and owns it, so
  // the earlier note's own note-off is dropped instead of cutting the later note short.
  const owner = new Map<number, number>();
  const events: NoteEvent[] = [];
  for (const { note, ...event } of raw) {
    const key = event.channel * 128 + event.pitch;
    if (event.on) {
      if (owner.has(key)) events.push({ ...event, on: false, velocity: 0 });
      owner.set(key, note);
      events.push(event);
    } else if (owner.get(key) === note) {
      owner.delete(key);
      events.push(event);
    }
  }
  return { channels, events };
}

/** Relative synthesis cost of a track: voice-seconds, with one-shot drum samples ringing past their note. */
export function trackCost(track: InstrumentTrack): number {
  const ring = track.channel === DRUM_CHANNEL ? 0.6 : 0.3;
  let cost = 0;
  for (const note of track.notes) cost += Math.max(0, note.duration) + ring;
  return cost;
}

/** Splits tracks into `groups` sets of roughly equal cost (longest-processing-time first); keeps order inside a group. */
export function partitionTracks(tracks: readonly InstrumentTrack[], groups: number): InstrumentTrack[][] {
  const count = Math.max(1, Math.min(groups, tracks.length));
  const order = tracks.map((track, index) => ({ index, cost: trackCost(track) })).sort((a, b) => b.cost - a.cost || a.index - b.index);
  const load = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (const { index, cost } of order) {
    let best = 0;
    for (let g = 1; g < count; g++) if (load[g]! < load[best]!) best = g;
    load[best] = load[best]! + cost;
    members[best]!.push(index);
  }
  return members.map((indexes) => indexes.sort((a, b) => a - b).map((i) => tracks[i]!));
}
