/**
 * Pull-feed cursor: the last alert sequence a client has seen, opaque to the client
 * (base64url of `v1:<seq>`). The empty cursor means "from the beginning".
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`v1:${seq}`).toString('base64url');
}

/** The sequence in a cursor, or undefined if it is not one of ours. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return '0';
  const m = /^v1:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? (m[1] as string) : undefined;
}
