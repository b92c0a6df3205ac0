// Runs a node's services as separate processes for benchmarks, as production does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { REPO_ROOT } from './bench-kit';

/** Extra node flags for every service process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`. */
const NODE_ARGS = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);

export function startService(service: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('node', [...NODE_ARGS, '-r', './tools/register.js', `apps/${service}/src/main.ts`], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A TCP port free on 127.0.0.1 now, for a service process to listen on. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** CPU seconds (user + system) a live process has used so far (Linux /proc). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
}

/** Peak resident set (VmHWM) of a live process, in MiB. */
export function peakRssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

export async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never became ready`);
}

/** Seeds the node's demo organisations and returns the agency's API key. */
export async function seedAgencyKey(env: NodeJS.ProcessEnv): Promise<string> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('node', ['-r', './tools/register.js', 'tools/demo/seed-organisations.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`seed exited ${code}`)),
    );
  });
  const key = /^AGENCY_KEY=(.+)$/m.exec(out)?.[1];
  if (!key) throw new Error('no agency key from the seed script');
  return key;
}
