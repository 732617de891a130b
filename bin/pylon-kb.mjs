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
process.exit(code);
