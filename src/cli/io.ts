/** The outside world a CLI command may touch, handed in so commands run in-process in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted when the user interrupts (SIGINT/SIGTERM). The bin wires it to process signals; tests pass their own. */
  signal?: AbortSignal;
}
