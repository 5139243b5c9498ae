// Runs inside the TV app's page: listens to the live audio element through Web Audio and,
// every 20 ms, writes down the loudest tone heard next to the song the screen shows and the
// lyric line lit, so the test can measure from outside whether picture follows sound.

export interface ProbeSample {
  t: number;
  /** Loudest frequency in Hz, or 0 when quiet. */
  freq: number;
  shownSong: string;
  line: number;
  lineText: string;
  cover: string;
}

export function installProbe(): void {
  const w = window as unknown as { __probe?: ProbeSample[] };
  if (w.__probe) return;
  const samples: ProbeSample[] = [];
  w.__probe = samples;
  const audio = document.querySelector('[data-testid="live-audio"]') as HTMLAudioElement;
  const ctx = new AudioContext();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 4096;
  analyser.smoothingTimeConstant = 0;
  ctx.createMediaElementSource(audio).connect(analyser);
  analyser.connect(ctx.destination);
  void ctx.resume();
  const bins = new Float32Array(analyser.frequencyBinCount);
  setInterval(() => {
    analyser.getFloatFrequencyData(bins);
    let peak = -Infinity;
    let at = 0;
    for (let i = 1; i < bins.length; i++) if (bins[i]! > peak) [peak, at] = [bins[i]!, i];
    const now = document.querySelector('[data-testid="now"]') as HTMLElement | null;
    const lyrics = document.querySelector('[data-testid="lyrics"]') as HTMLElement | null;
    const cover = document.querySelector('[data-testid="cover"] [data-src]') as HTMLElement | null;
    samples.push({
      t: performance.now(),
      freq: peak > -60 ? (at * ctx.sampleRate) / analyser.fftSize : 0,
      shownSong: now?.dataset.song ?? '',
      line: Number(lyrics?.dataset.line ?? -1),
      lineText: lyrics?.querySelector('[data-role="current"]')?.textContent ?? '',
      cover: cover?.dataset.src ?? '',
    });
  }, 20);
}

export interface Boundary {
  /** When the new song's tone was first heard (page ms). */
  heardAt: number;
  song: string;
  /** When the screen first showed it: title, cover and item (page ms). */
  shownAt: number | undefined;
  coverAt: number | undefined;
  /** The lyric line lit 0.8 s after the boundary, and its text. */
  lineAfter: number;
  lineTextAfter: string;
}

/** Song boundaries in the audio, each with when the screen caught up. */
export function boundaries(samples: ProbeSample[], songOfFreq: (hz: number) => string | undefined): Boundary[] {
  const found: Boundary[] = [];
  let heard: string | undefined;
  for (let i = 0; i < samples.length; i++) {
    const song = samples[i]!.freq ? songOfFreq(samples[i]!.freq) : undefined;
    if (!song) continue;
    if (heard !== undefined && song !== heard) {
      const heardAt = samples[i]!.t;
      // Shown from the first sample from 1.5 s before the sound on that stays on the new song.
      const window = samples.filter((s) => s.t >= heardAt - 1500 && s.t <= heardAt + 1500);
      const firstShown = window.findIndex((s, k) => s.shownSong === song && window.slice(k).every((x) => x.shownSong === song));
      const firstCover = window.findIndex((s, k) => s.cover.includes(song) && window.slice(k).every((x) => x.cover.includes(song)));
      const after = samples.find((s) => s.t >= heardAt + 800) ?? samples[samples.length - 1]!;
      found.push({
        heardAt,
        song,
        shownAt: firstShown >= 0 ? window[firstShown]!.t : undefined,
        coverAt: firstCover >= 0 ? window[firstCover]!.t : undefined,
        lineAfter: after.line,
        lineTextAfter: after.lineText,
      });
    }
    heard = song;
  }
  return found;
}
