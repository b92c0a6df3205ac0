/** Stops whatever global-setup started (nothing when the servers were given). */
export default async function globalTeardown(): Promise<void> {
  const started =
    (globalThis as { __WGAS_STARTED__?: { stop(): Promise<unknown> }[] }).__WGAS_STARTED__ ?? [];
  for (const s of started.reverse()) await s.stop();
}
