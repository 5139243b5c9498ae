// Musical time to seconds, with swing: off-beat subdivisions are pushed late by `swing` of a unit.

export interface Clock {
  beatSec: number;
  /** Vocal grid slots per beat: 2 (eighths) or 4 (sixteenths). */
  slotsPerBeat: number;
  beatsPerBar: number;
  /** Seconds at a beat position (may be fractional). */
  time(beat: number): number;
  /** Seconds at a vocal slot. */
  slotTime(slot: number): number;
}

export function createClock(tempo: number, slotsPerBeat: number, beatsPerBar: number, swing: number, swingUnit: number): Clock {
  const beatSec = 60 / tempo;
  const time = (beat: number): number => {
    const units = beat / swingUnit;
    const whole = Math.round(units);
    const off = Math.abs(units - whole) < 1e-6 && whole % 2 !== 0;
    return (beat + (off ? swing * swingUnit : 0)) * beatSec;
  };
  return { beatSec, slotsPerBeat, beatsPerBar, time, slotTime: (slot) => time(slot / slotsPerBeat) };
}
