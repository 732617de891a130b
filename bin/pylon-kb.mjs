#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// Long-running commands stop cleanly on Ctrl-C (in-flight writes finish); the others keep Node's default.
const interrupt = new AbortController();
if (['emulator', 'watch', 'mcp', 'start', 'preview'].includes(process.argv[2] ?? '')) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => interrupt.abort());
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});

/**
 * Resolves once everything written to the stream so far has been handed to the system. A pipe is written
 * asynchronously: exiting before this would cut the output at the pipe's buffer (64 KiB) when the reader is
 * slower than the writer (`check --json | jq`). A reader that went away (EPIPE) ends the wait too.
 */
function flushed(stream) {
  if (stream.destroyed || stream.writableFinished) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('error', resolve);
    stream.write('', () => resolve());
  });
}

process.exitCode = code;
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
