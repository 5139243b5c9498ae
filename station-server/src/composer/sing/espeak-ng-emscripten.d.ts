// Types for the parts of @echogarden/espeak-ng-emscripten (an Emscripten build of eSpeak-NG) that the
// singer uses; the package ships none.
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    type: 'word' | 'sentence' | 'mark' | 'play' | 'end' | 'msg_terminated' | 'phoneme' | 'samplerate' | 'list_terminated';
    /** 1-based code-point position in the text. */
    text_position: number;
    word_length: number;
    /** Milliseconds from the start of the synthesized audio. */
    audio_position: number;
    /** Phoneme events: the phoneme in IPA; word events: the word's ordinal. */
    id: string | number | undefined;
  }
  export interface EspeakWorker {
    set_voice(name: string, language?: string, gender?: number, age?: number, variant?: number): number;
    set_rate(rate: number): void;
    set_pitch(pitch: number): void;
    set_range(range: number): void;
    set_volume(volume: number): void;
    get_samplerate(): number;
    /** Calls back with 16-bit samples and the events inside them; return 0 to continue. */
    synthesize(text: string, callback: (samples: Int16Array, events: EspeakEvent[]) => number): void;
    __destroy__(): void;
  }
  export interface EspeakModule {
    eSpeakNGWorker: new () => EspeakWorker;
    /** The module's whole memory (replaced when the memory grows). */
    HEAPU8: Uint8Array;
  }
  const factory: (options?: object) => Promise<EspeakModule>;
  export default factory;
}
