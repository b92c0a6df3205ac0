import { normaliseCountry } from '../core/country';
import { prepareInput } from '../core/input-sanitiser';
import { NORMALISERS } from '../normaliser-registry';
import type { IndicatorType, NormaliseContext } from '../types';
import { detectTypes } from './type-detector';

/** The types an untyped value normalises as, most likely first; [] when none. Never throws. */
export function detect(raw: string, context?: Partial<NormaliseContext>): IndicatorType[] {
  try {
    const prepared = prepareInput(raw);
    if (!prepared.ok) return [];
    const country = normaliseCountry(context?.country);
    const ctx = { country, provider: context?.provider, bank: context?.bank, explicit: false };
    return detectTypes(prepared.text, country).filter(
      (type) => NORMALISERS[type](prepared.text, raw, ctx).ok,
    );
  } catch {
    return [];
  }
}
