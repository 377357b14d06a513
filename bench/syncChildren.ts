/**
 * Parent side of bench:sync's processes: the fake Google, the fake publisher-protocol partner, the
 * other deep connectors' fakes, the no-op BullMQ worker
 * (syncChild.ts), and the measured worker, which is the product's own `tenpo worker` command
 * (bin/tenpo.js) with syncProbe.ts preloaded.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Event, Reply } from './syncChild.ts';
import type { ProbeStats } from './syncProbe.ts';

const CHILD = fileURLToPath(new URL('./syncChild.ts', import.meta.url));
const PROBE = fileURLToPath(new URL('./syncProbe.ts', import.meta.url));
const TENPO = fileURLToPath(new URL('../bin/tenpo.js', import.meta.url));

function cpuProfArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  // One directory per process: tsx's loader thread writes a profile of its own beside the main thread's.
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, `${name}-${Date.now()}`)}`] : [];
}

async function stopChild(child: ChildProcess, ask: () => void, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  ask();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export interface Child {
  pid: number;
  ready: unknown;
  request<T = unknown>(op: string, args?: unknown): Promise<T>;
  /** Resolves with the value of the next event of this name. */
  next<T = unknown>(event: Event['event']): Promise<T>;
  stop(): Promise<void>;
}

export async function startChild(role: 'google' | 'publisher' | 'deep' | 'noop', env: Record<string, string> = {}): Promise<Child> {
  const child = fork(CHILD, [role], {
    execArgv: ['--import', 'tsx', ...cpuProfArgs(role)],
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const waiters = new Map<string, ((v: any) => void)[]>();
  child.on('message', (m: Reply | Event) => {
    if ('event' in m) {
      const list = waiters.get(m.event) ?? [];
      waiters.delete(m.event);
      for (const w of list) w(m.value);
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(`${role} child: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`${role} child exited with code ${code}`));
    pending.clear();
  });
  const next = <T>(event: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${role} child exited with code ${code} before "${event}"`));
      child.once('exit', onExit);
      waiters.set(event, [
        ...(waiters.get(event) ?? []),
        (v: T) => {
          child.off('exit', onExit);
          resolve(v);
        },
      ]);
    });
  const ready = await next('ready');
  const request = <T>(op: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  return {
    pid: child.pid!,
    ready,
    request,
    next,
    stop: () => stopChild(child, () => child.send({ id: ++seq, op: 'stop' })),
  };
}

export interface WorkerProcess {
  pid: number;
  /** Warnings and errors the worker logged (pino level >= 40), first few in full. */
  problems(): { count: number; samples: string[] };
  probe: {
    /** Zeroes the counters; with a file, also profiles the CPU until the next read. */
    reset(profile?: string): Promise<void>;
    read(): Promise<ProbeStats | null>;
  };
  stop(): Promise<void>;
}

/**
 * `tenpo worker` as an operator runs it (NODE_ENV=production, LOG_LEVEL=info, the pool and
 * concurrency from the environment), ready once it has logged "worker started".
 */
export async function startWorkerProcess(env: Record<string, string>, options: { probe: boolean; name: string }): Promise<WorkerProcess> {
  const child = fork(TENPO, ['worker'], {
    // With the probe, BENCH_CPU_PROF profiles each measurement on its own (see syncProbe.ts).
    execArgv: ['--import', 'tsx', ...(options.probe ? ['--import', PROBE] : cpuProfArgs(options.name))],
    env: { ...process.env, ...env, NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let count = 0;
  const samples: string[] = [];
  let onStarted: (() => void) | undefined;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let entry: { level?: number; msg?: string; err?: { message?: string } } = {};
    try {
      entry = JSON.parse(line);
    } catch {
      entry = { level: 40, msg: line };
    }
    if (entry.msg === 'worker started') onStarted?.();
    if ((entry.level ?? 0) >= 40) {
      count += 1;
      if (samples.length < 5) samples.push(`${entry.msg}${entry.err?.message ? `: ${entry.err.message}` : ''}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`tenpo worker exited with code ${code} before it started${samples.length ? `: ${samples.join('; ')}` : ''}`));
    child.once('exit', onExit);
    onStarted = () => {
      child.off('exit', onExit);
      resolve();
    };
  });
  let statsWaiter: ((s: ProbeStats) => void) | undefined;
  let resetWaiter: (() => void) | undefined;
  child.on('message', (m: { probe?: string; stats?: ProbeStats }) => {
    if (m?.probe === 'stats' && m.stats) statsWaiter?.(m.stats);
    if (m?.probe === 'reset') resetWaiter?.();
  });
  return {
    pid: child.pid!,
    problems: () => ({ count, samples }),
    probe: {
      reset: (profile) =>
        options.probe
          ? new Promise<void>((resolve) => {
              resetWaiter = resolve;
              child.send({ probe: 'reset', profile });
            })
          : Promise.resolve(),
      read: () =>
        options.probe
          ? new Promise<ProbeStats>((resolve) => {
              statsWaiter = resolve;
              child.send({ probe: 'read' });
            })
          : Promise.resolve(null),
    },
    // SIGTERM: the worker finishes in-flight jobs and closes its connections, as in production.
    stop: () => stopChild(child, () => child.kill('SIGTERM')),
  };
}
