import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** The first line the child printed, parsed as JSON. */
  first: Promise<any>;
  exited: Promise<number | null>;
}

/** Starts `node script ...args` and hands back its first stdout line. */
export function startNode(script: string, args: string[]): Started {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const first = new Promise<any>((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      out += c;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    child.stderr!.on('data', (c) => (err += c));
    void exited.then((code) => reject(new Error(`child exited (${code}) before printing: ${err}`)));
  });
  return { child, first, exited };
}

/** Runs `node script ...args` to the end: exit code and output. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
