// What every song must meet before anyone hears it: the song contract's numbers, in one place.
export const SONG_LIMITS = {
  /** A song lasts this long at least and at most (s). */
  minDurationSec: 45,
  maxDurationSec: 180,
  /** Integrated loudness (ITU-R BS.1770) aimed at, and how far a song may sit from it (LU). */
  lufsTarget: -16,
  lufsTolerance: 1.5,
  /** Highest sample peak (dBFS): room for the AAC encoder's overshoot. */
  maxSamplePeakDbfs: -1,
  /** ...and of a stored (AAC) master read back from a folder, whose decoder overshoots that ceiling
   *  by up to about 1 dB (measured: -1.20 dBFS mastered, -0.52 dBFS decoded): it must not clip. */
  maxStoredPeakDbfs: 0,
  /** Share of voiced frames inside the score's sung notes that lie within 50 cents of the note. */
  pitchWithin50CentsMin: 0.8,
  /** Share of the sung notes' time that is voiced at all. */
  vocalCoverageMin: 0.5,
  /** A lyric cue counts as sung when at least this share of its frames is voiced... */
  cueVoicedMin: 0.3,
  /** ...and this share of cues must be sung. */
  cuesSungMin: 0.8,
  /** Fewer cues than this is not a song's lyric. */
  minCues: 4,
  /** The cover's shorter side in pixels. */
  coverMinPx: 1000,
} as const;
