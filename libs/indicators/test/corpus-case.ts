// Shape of one golden-corpus line (libs/indicators/test/corpus/*.ndjson).
export interface CorpusCase {
  id: string;
  input: string;
  context: { country: string; typeHint?: string; bank?: string; provider?: string };
  /** Input bytes are latin1 (one char per byte): used by the Safe Browsing byte examples. */
  encoding?: 'latin1';
  expect:
    | {
        ok: true;
        type: string;
        canonical: string;
        warnings?: string[];
        related?: string[];
        attributes?: Record<string, unknown>;
      }
    | { ok: false; code: string }
    | { safeBrowsing: string };
}
