import { hostSkeleton, skeleton } from './confusable-skeleton';

describe('TR39 skeleton', () => {
  it('maps look-alikes onto the same skeleton', () => {
    expect(skeleton('pаypal')).toBe(skeleton('paypal')); // Cyrillic а
    expect(hostSkeleton('rnaybank')).toBe(hostSkeleton('maybank'));
    expect(hostSkeleton('g00gle')).toBe(hostSkeleton('google'));
    expect(hostSkeleton('paypa1')).toBe(hostSkeleton('paypal'));
  });

  it('keeps different names apart', () => {
    expect(hostSkeleton('kbank')).not.toBe(hostSkeleton('scb'));
  });
});
