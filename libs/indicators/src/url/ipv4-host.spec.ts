import { canonicalIpv4 } from './ipv4-host';

describe('canonicalIpv4', () => {
  it.each([
    ['3279880203', '195.127.0.11'],
    ['0xc3.0x7f.0.11', '195.127.0.11'],
    ['0303.0177.0.013', '195.127.0.11'],
    ['195.8323083', '195.127.0.11'],
    ['127.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
  ])('%s -> %s', (host, ip) => expect(canonicalIpv4(host)).toBe(ip));

  it.each(['256.1.1.1', '1.2.3.4.5', 'evil.com', '08.1.1.1', '4294967296', ''])(
    '%s is not IPv4',
    (host) => expect(canonicalIpv4(host)).toBeNull(),
  );
});
