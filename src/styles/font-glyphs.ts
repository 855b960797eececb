/**
 * The characters the timer's condensed face must cover: the time left (digits
 * and the colon) and the words it shows in capitals (zone names, tempo phases).
 * Anything else falls back to the text face. bench/tools/subset-fonts.ts subsets to
 * exactly this.
 */
export const DIGIT_FACE_TEXT = '0123456789: -ABCDEFGHIJKLMNOPQRSTUVWXYZ';
