/**
 * The KAVA event types the engine reads, stored as small integers (other types below 256 are kept as they are, and
 * larger ones as 0, "other").
 * @internal
 */
export const T_IMPRESSION = 1;
export const T_PLAY = 3;
export const T_PT25 = 11;
export const T_PT100 = 14;
export const T_REPLAY = 34;
export const T_SEEK = 35;
export const T_VIEW = 99;
