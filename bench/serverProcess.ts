/** Parent side of serverChild.ts: start a server process, ask it for its CPU time, stop it. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './serverChild.ts';

export interface ServerProcess {
  url: string;
  /** CPU time the server process has used so far (user + system, microseconds). */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./serverChild.ts', import.meta.url));

function nextMessage<T extends ChildMessage['type']>(child: ChildProcess, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server process exited with code ${code} before sending "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export async function startServerProcess(kind: 'hello' | 'tenpo', env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = fork(CHILD, [kind], {
    // Same loader as bin/tenpo.js (tsx), so both servers run the way production runs them.
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there, for finding hot spots.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    // NODE_ENV=production as a deployment runs it (graphql-js, for one, skips development checks).
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'ready');
  return {
    url: `http://127.0.0.1:${port}`,
    async cpuMicros() {
      const reply = nextMessage(child, 'cpu');
      child.send('cpu');
      const { usage } = await reply;
      return usage.user + usage.system;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
