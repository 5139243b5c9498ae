// Standard MIDI export of the score. The sung line is the track named "Vocals" (the contract); a
// chorus harmony is the track named "Harmony".
import tonejs from '@tonejs/midi';
import type { Score } from '../types.js';

const { Midi } = tonejs;

export function scoreToMidi(score: Score, title: string): Buffer {
  const midi = new Midi();
  midi.header.setTempo(score.tempo);
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: score.meter });
  midi.header.name = title;
  const vocals = midi.addTrack();
  vocals.name = 'Vocals';
  vocals.channel = 4;
  vocals.instrument.number = 54; // synth voice, so a plain MIDI player hints at the tune
  for (const n of score.vocals) vocals.addNote({ midi: n.pitch, time: n.start, duration: n.duration, velocity: n.velocity / 127 });
  // The chorus harmony, when there is one, is a second sung track.
  if (score.harmony && score.harmony.length > 0) {
    const harmony = midi.addTrack();
    harmony.name = 'Harmony';
    harmony.channel = 5;
    harmony.instrument.number = 54;
    for (const n of score.harmony) harmony.addNote({ midi: n.pitch, time: n.start, duration: n.duration, velocity: n.velocity / 127 });
  }
  for (const t of score.tracks) {
    const track = midi.addTrack();
    track.name = t.name;
    track.channel = t.channel;
    if (t.channel !== 9) track.instrument.number = t.program;
    track.addCC({ number: 7, value: t.volume / 127, time: 0 });
    track.addCC({ number: 10, value: t.pan / 127, time: 0 });
    for (const n of t.notes) track.addNote({ midi: n.pitch, time: n.start, duration: n.duration, velocity: n.velocity / 127 });
  }
  return Buffer.from(midi.toArray());
}
