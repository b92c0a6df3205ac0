import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusCase } from './corpus-case';

const CORPUS_DIR = join(__dirname, 'corpus');

/** Every line of test/corpus/*.ndjson, with the file it came from. */
export function loadCorpus(): Array<[string, CorpusCase]> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .flatMap((file) =>
      readFileSync(join(CORPUS_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => [file, JSON.parse(line) as CorpusCase] as [string, CorpusCase]),
    );
}
