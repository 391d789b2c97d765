// Readability limits (Netflix/BBC practice, see the project's standards sheet) and
// the timing tolerance the issue sets for cues against the spoken words.
export interface CaptionLimits {
  maxLineLength: number;
  maxLines: 2;
  maxCueMs: number;
  minCueMs: number;
  /** Reading speed to stay under, in visible characters per second. */
  maxCharsPerSecond: number;
  /**
   * How far a cue may stay on screen after its last word stops. It must stay
   * inside the 150 ms the timing target allows, with room for millisecond rounding.
   */
  maxEndExtensionMs: number;
  /** Short sentences further apart than this are never shown together. */
  maxMergeGapMs: number;
}

export const DEFAULT_LIMITS: CaptionLimits = {
  maxLineLength: 42,
  maxLines: 2,
  maxCueMs: 7000,
  minCueMs: 1000,
  maxCharsPerSecond: 20,
  maxEndExtensionMs: 120,
  maxMergeGapMs: 1000,
};
