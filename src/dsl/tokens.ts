/**
 * Stage 3: split one line's content into tokens. Every token keeps its offsets
 * into the source and whether space came before it, so the parser can tell
 * `10m` (a time) from `10 m` and `20-30s` from `20 - 30s`.
 */
import type { Reporter } from './diagnostics';

export const TokenKind = {
  Int: 'int',
  Word: 'word',
  String: 'string',
  Punct: 'punct',
  Other: 'other',
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  readonly kind: TokenKind;
  /** Source text; for words, as typed. Punctuation is normalised (`→` is `->`). */
  readonly text: string;
  /** Lower-cased text of a word, for keyword matching. */
  readonly lower: string;
  /** Integer value, for `int` tokens (digits beyond 9 are saturated). */
  readonly value: number;
  readonly start: number;
  readonly end: number;
  /** Whitespace (or the start of the line) precedes this token. */
  readonly spaced: boolean;
}

const TOKEN_RE = /(\d+)|([\p{L}_]+)|(")|(->|\u2192)|([-:%*,#>./+()])|(\S)/uy;

/** Largest number the language reads; bigger ones are reported by the parser. */
export const MAX_INT = 999_999;

export function tokenize(text: string, start: number, end: number, report: Reporter): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  let spaced = true;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9) {
      pos++;
      spaced = true;
      continue;
    }
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m) break; // unreachable: the last alternative matches any non-space
    const tokenStart = pos;
    if (m[3] !== undefined) {
      // A string runs to the next quote on this line.
      const close = text.indexOf('"', pos + 1);
      if (close === -1 || close >= end) {
        report.error('unclosed-string', pos, end, 'This text has no closing quote.');
        tokens.push(make('string', text.slice(pos + 1, end), tokenStart, end, spaced));
        pos = end;
      } else {
        tokens.push(make('string', text.slice(pos + 1, close), tokenStart, close + 1, spaced));
        pos = close + 1;
      }
    } else {
      const raw = m[0];
      pos += raw.length;
      if (m[1] !== undefined) tokens.push(make('int', raw, tokenStart, pos, spaced));
      else if (m[2] !== undefined) tokens.push(make('word', raw, tokenStart, pos, spaced));
      else if (m[4] !== undefined) tokens.push(make('punct', '->', tokenStart, pos, spaced));
      else if (m[5] !== undefined) tokens.push(make('punct', raw, tokenStart, pos, spaced));
      else tokens.push(make('other', raw, tokenStart, pos, spaced));
    }
    spaced = false;
  }
  return tokens;
}

function make(kind: TokenKind, text: string, start: number, end: number, spaced: boolean): Token {
  const value = kind === 'int' ? (text.length > 6 ? MAX_INT + 1 : Number(text)) : 0;
  return { kind, text, lower: kind === 'word' ? text.toLowerCase() : text, value, start, end, spaced };
}
