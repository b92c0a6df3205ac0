// EMVCo QR data objects: 2-digit ID, 2-digit length, value. Templates nest the same format.
export interface TlvField {
  id: string;
  value: string;
}

/** Parses one level of TLV; null when the lengths do not add up exactly. */
export function parseTlv(payload: string): TlvField[] | null {
  const fields: TlvField[] = [];
  let at = 0;
  while (at < payload.length) {
    const id = payload.slice(at, at + 2);
    const lengthText = payload.slice(at + 2, at + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lengthText)) return null;
    const length = Number(lengthText);
    const value = payload.slice(at + 4, at + 4 + length);
    if (value.length !== length) return null;
    fields.push({ id, value });
    at += 4 + length;
  }
  return fields;
}

export function fieldMap(fields: TlvField[]): Map<string, string> {
  return new Map(fields.map((f) => [f.id, f.value]));
}
