// Renders a set of tracks with SpessaSynth, driven by sample position: every note starts and stops on
// its exact frame (blocks are cut at event frames), with no sequencer and no clock in between.
import { MIDIControllers, SpessaSynthProcessor, type BasicSoundBank } from 'spessasynth_core';
import type { InstrumentTrack } from '../types.js';
import { planTracks } from './plan.js';
import { HallReverb } from './reverb.js';

/** SpessaSynth's largest block; events inside a block are met by cutting it short. */
const BLOCK = 128;

export interface StereoBuffers {
  left: Float32Array;
  right: Float32Array;
}

/**
 * A fresh processor per render keeps renders independent and byte-identical (no reverb tail or
 * controller state carried over); the parsed bank, with its decoded samples, is shared and reused.
 */
export function renderTracks(bank: BasicSoundBank, tracks: readonly InstrumentTrack[], sampleRate: number, frames: number): StereoBuffers {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  if (tracks.length === 0 || frames === 0) return { left, right };
  const plan = planTracks(tracks, sampleRate, frames);

  const synth = new SpessaSynthProcessor(sampleRate, {
    effectsEnabled: true,
    eventsEnabled: false,
    maxBufferSize: BLOCK,
    reverbProcessor: new HallReverb(sampleRate),
  });
  synth.soundBankManager.addSoundBank(bank, 'main');
  synth.setSystemParameter('voiceCap', 256);
  while (synth.midiChannels.length < plan.channels.length) synth.createMIDIChannel();
  for (const setup of plan.channels) {
    const channel = synth.midiChannels[setup.channel]!;
    if (channel.drumChannel !== setup.drums) channel.setDrums(setup.drums);
    synth.programChange(setup.channel, setup.drums ? 0 : setup.program);
    synth.controllerChange(setup.channel, MIDIControllers.mainVolume, setup.volume);
    synth.controllerChange(setup.channel, MIDIControllers.pan, setup.pan);
    synth.controllerChange(setup.channel, MIDIControllers.reverbDepth, setup.reverb);
    synth.controllerChange(setup.channel, MIDIControllers.chorusDepth, 0);
  }

  const { events } = plan;
  let next = 0;
  let frame = 0;
  while (frame < frames) {
    while (next < events.length && events[next]!.frame <= frame) {
      const event = events[next++]!;
      if (event.on) synth.noteOn(event.channel, event.pitch, event.velocity);
      else synth.noteOff(event.channel, event.pitch);
    }
    let end = Math.min(frames, frame + BLOCK);
    if (next < events.length && events[next]!.frame < end) end = events[next]!.frame;
    synth.process(left, right, frame, end - frame);
    frame = end;
  }
  // No destroySynthProcessor(): it would destroy the shared bank too; the processor is simply dropped.
  return { left, right };
}
