import { validate as isUuid, version } from 'uuid';
import { importedIds } from './imported-id';

describe('importedIds', () => {
  const e = {
    origin: 'th',
    eventId: '5d3c1c1e-8f43-4a52-9a0e-6f3f4a7a9b10',
    timestamp: '2026-11-27T09:00:00.000Z',
  };

  it('gives the same envelope the same ids every time', () => {
    expect(importedIds(e)).toEqual(importedIds({ ...e }));
    for (const id of Object.values(importedIds(e))) {
      expect(isUuid(id)).toBe(true);
      expect(version(id)).toBe(8);
    }
  });

  it('gives each role, origin and event id its own id', () => {
    const ids = [
      ...Object.values(importedIds(e)),
      importedIds({ ...e, origin: 'sg' }).report,
      importedIds({ ...e, eventId: '5d3c1c1e-8f43-4a52-9a0e-6f3f4a7a9b11' }).report,
      // the separator keeps "t" + "h\n..." apart from "th" + "\n..."
      importedIds({ ...e, origin: 't', eventId: `h\n${e.eventId}` }).report,
    ];
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('orders ids by the envelope time, with that time in the first 48 bits', () => {
    const later = {
      ...e,
      eventId: '00000000-0000-4000-8000-000000000000',
      timestamp: '2026-11-27T09:00:00.001Z',
    };
    expect(importedIds(later).event > importedIds(e).event).toBe(true);
    for (const id of Object.values(importedIds(e))) {
      const hex = id.replace(/-/g, '').slice(0, 12);
      expect(parseInt(hex, 16)).toBe(Date.parse(e.timestamp));
    }
  });
});
