import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./child-server.ts', import.meta.url));

/** A reference server running in a child process (support/child-server.ts). */
export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory now and its peak since the last `resetPeak`, in bytes (/proc/<pid>/status). */
  memory(): { rss: number; peak: number };
  /** Makes the peak (VmHWM) start again from the current resident size (Linux clear_refs 5). */
  resetPeak(): void;
  stop(): Promise<void>;
}

export async function startChildServer(env: Record<string, string | undefined>): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (data: Buffer) => {
      buffered += data.toString();
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.once('exit', (code) =>
      reject(new Error(`the server process exited with ${code} before listening`)),
    );
  });
  const { url, pid } = JSON.parse(line) as { url: string; pid: number };
  const kilobytes = (field: string) => {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(match[1]) * 1024;
  };
  return {
    url,
    pid,
    memory: () => ({ rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') }),
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
