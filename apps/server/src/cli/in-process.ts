/**
 * Test helper: runs `plasticity <args>` in the test's own process — the same `main` the compiled bundle runs,
 * with the same environment a child process would get (spawn.ts), and its standard output and error captured.
 * For the CLI tests' many refusal and dry-run cases: a child process costs about two CPU-seconds of module
 * loading before its first line, which this skips. Each CLI file keeps real child processes for what only a
 * process shows (exit codes from the bin, standard input, signals, the progress bar of a real run).
 * Commands that read standard input are not run here.
 */
import { format } from 'node:util';
import { vi } from 'vitest';
import { main } from './main.ts';
import type { RunResult } from './spawn.ts';

/** Runs one command to completion; environment and output streams are restored afterwards. */
export async function runInProcess(
  dataDir: string,
  args: string[],
  opts: { env?: Record<string, string> } = {},
): Promise<RunResult> {
  const env: Record<string, string | undefined> = {
    PLASTICITY_DATA_DIR: dataDir,
    DATABASE_URL: undefined, // the embedded database unless the caller passes one
    LOG_LEVEL: 'info',
    ...opts.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    }),
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
      stdout += `${format(...a)}\n`;
    }),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
      stderr += `${format(...a)}\n`;
    }),
  ];
  setEnv(env);
  try {
    const code = await main(args);
    return { code, signal: null, stdout, stderr };
  } finally {
    setEnv(saved);
    for (const s of spies) s.mockRestore();
  }
}
