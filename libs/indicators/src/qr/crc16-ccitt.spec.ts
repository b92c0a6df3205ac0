import { crc16CcittFalse } from './crc16-ccitt';

describe('crc16CcittFalse', () => {
  it('matches the CRC-16/CCITT-FALSE check value', () => {
    // Standard check value from the CRC catalogue: CRC("123456789") = 0x29B1.
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('is four upper-case hex digits, zero-padded', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse('A')).toMatch(/^[0-9A-F]{4}$/);
  });
});
