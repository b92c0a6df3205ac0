import { assertPublicTarget, BlockedTargetError, isBlockedAddress } from './ssrf-guard';

describe('ssrf guard', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'allows public %s',
    (address) => expect(isBlockedAddress(address)).toBe(false),
  );

  it('refuses literal private targets unless the operator allow-lists the host', async () => {
    await expect(assertPublicTarget(new URL('http://127.0.0.1:9/x'), [])).rejects.toBeInstanceOf(
      BlockedTargetError,
    );
    await expect(assertPublicTarget(new URL('http://[::1]/x'), [])).rejects.toBeInstanceOf(
      BlockedTargetError,
    );
    await expect(assertPublicTarget(new URL('http://127.0.0.1:9/x'), ['127.0.0.1'])).resolves.toBe(
      undefined,
    );
  });

  it('refuses names that resolve to loopback', async () => {
    await expect(assertPublicTarget(new URL('http://localhost/x'), [])).rejects.toBeInstanceOf(
      BlockedTargetError,
    );
  });
});
