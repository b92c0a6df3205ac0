import { accept, fail, type Outcome } from '../core/outcome';

// Android application IDs: two or more dot-separated segments, each starting with a letter
// (Android Gradle plugin rules). They are case-sensitive, so the canonical form keeps case.
const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/;
const MAX_PACKAGE_LENGTH = 255;

export function isPackageName(text: string): boolean {
  return text.length <= MAX_PACKAGE_LENGTH && PACKAGE_NAME.test(text);
}

export function normaliseApk(text: string, raw: string): Outcome {
  // Play Store links carry the package in ?id=.
  const fromStore = /[?&]id=([A-Za-z0-9_.]+)/.exec(text);
  const name = fromStore && /play\.google\.com/.test(text) && fromStore[1] ? fromStore[1] : text;
  if (!isPackageName(name))
    return fail(
      'apk.invalid_package_name',
      'Package names are dot-separated segments of letters, digits and _',
    );
  return accept('apk', name, raw, {
    attributes: { packageName: name, segments: name.split('.').length },
  });
}
