import { createRedactor, type Redactor } from '../diagnostics/redact.js';
import type { CliIO, OutputStream } from './io.js';

/**
 * The one place text reaches the terminal or a CI log. Whatever a command prints (titles, file names,
 * URLs, messages from Pylon, Markdown or HTML reports), control characters from content cannot move the
 * cursor, ring the bell, set the window title, or start a GitHub Actions workflow command:
 *
 * - kept: newline and tab; on a terminal also the colour codes (SGR), carriage return and erase-line that
 *   progress lines use;
 * - every other C0/C1 control character, DEL and U+2028/U+2029 is shown as `\uXXXX` (inside a JSON string
 *   that is the same character, so `--json` output stays equivalent);
 * - a line that starts with `::` (a workflow command) gets a zero-width space between the colons. Our own
 *   annotations go through `writeWorkflowCommands`, after escaping their data per GitHub's rules;
 * - the API tokens (from the environment, and the one the config resolves to) are `[redacted]`, whatever
 *   they were pasted into: `--author`, `--kb`, frontmatter, an error a config file threw.
 */

const RAW = Symbol('raw terminal streams');
const TERMINAL_CONTROLS = /\x1b\[[0-9;]*m|\x1b\[[0-2]?K|\r/y;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const hex = (char: string) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** The text with everything a terminal would act on, other than `allowed` sequences, made visible. */
export function escapeControls(text: string, terminal: boolean): string {
  if (!UNSAFE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (terminal) {
      TERMINAL_CONTROLS.lastIndex = i;
      const kept = TERMINAL_CONTROLS.exec(text);
      if (kept) {
        out += kept[0];
        i += kept[0].length;
        continue;
      }
    }
    const char = text[i] as string;
    out += UNSAFE.test(char) ? hex(char) : char;
    i++;
  }
  return out;
}

/** The secrets a run knows, shared by its two streams and its report files. */
interface Secrets {
  list: (string | undefined)[];
  redact: Redactor;
}

const SECRET_VARIABLES = ['PYLON_API_TOKEN', 'TRUTO_API_TOKEN'];

/** A stream whose writes are redacted and escaped; remembers whether the next write starts a line. */
function safeStream(stream: OutputStream, secrets: Secrets): OutputStream {
  let atLineStart = true;
  const terminal = stream.isTTY === true;
  const wrapped: OutputStream = {
    write(chunk: string) {
      const escaped = escapeControls(secrets.redact(String(chunk)), terminal);
      const neutral = escaped.replace(
        /(^|\n)([ \t]*):(?=:)/g,
        (match, start: string, indent: string, offset: number) =>
          offset === 0 && !atLineStart && start === '' ? match : `${start}${indent}:\u200b`,
      );
      if (neutral.length > 0) atLineStart = neutral.endsWith('\n');
      return stream.write(neutral);
    },
  };
  if (stream.isTTY !== undefined) wrapped.isTTY = stream.isTTY;
  if (stream.columns !== undefined) wrapped.columns = stream.columns;
  return wrapped;
}

type SafeIO = CliIO & { [RAW]?: { stdout: OutputStream; stderr: OutputStream; secrets: Secrets } };

/** The CLI's streams, redacted and escaped. `main` wraps its io once; wrapping twice is a no-op. */
export function terminalIO(io: CliIO): CliIO {
  if ((io as SafeIO)[RAW]) return io;
  const list = SECRET_VARIABLES.map((name) => io.env[name]);
  const secrets: Secrets = { list, redact: createRedactor(list) };
  const safe: SafeIO = {
    ...io,
    stdout: safeStream(io.stdout, secrets),
    stderr: safeStream(io.stderr, secrets),
  };
  safe[RAW] = { stdout: io.stdout, stderr: io.stderr, secrets };
  return safe;
}

/** A secret learnt while running (the token a config file holds): redacted from then on. */
export function addSecret(io: CliIO, secret: string | undefined): void {
  const secrets = (io as SafeIO)[RAW]?.secrets;
  if (!secrets || secret === undefined || secrets.list.includes(secret)) return;
  secrets.list.push(secret);
  secrets.redact = createRedactor(secrets.list);
}

/** Text bound for a file next to the terminal (a report `--out`, the job summary), without the secrets. */
export function redactForOutput(io: CliIO, text: string): string {
  return (
    (io as SafeIO)[RAW]?.secrets.redact(text) ?? createRedactor(SECRET_VARIABLES.map((n) => io.env[n]))(text)
  );
}

/** GitHub Actions workflow commands we mean to send (annotations), already escaped by their renderer. */
export function writeWorkflowCommands(io: CliIO, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
  const raw = (io as SafeIO)[RAW];
  const out = stream === 'stderr' ? (raw?.stderr ?? io.stderr) : (raw?.stdout ?? io.stdout);
  out.write(escapeControls(raw ? raw.secrets.redact(text) : text, false));
}
