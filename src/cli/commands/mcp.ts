import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ResolvedConfig } from '../../config/types.js';
import { createMcpServer, TOOL_NAMES } from '../../mcp/server.js';
import { configSecrets, McpSession } from '../../mcp/session.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { InputError } from '../failures.js';
import { clientEvents } from '../request-log.js';

/**
 * `pylon-kb mcp`: an MCP server over stdio, configured as the CLI is. Stdout carries only protocol
 * messages, so everything this command says goes to stderr.
 */
export async function run(input: CommandInput): Promise<number> {
  const { io } = input;
  const { config, targetError } = await mcpConfig(input);
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const session = new McpSession(
    config,
    configSecrets(config, io.env),
    log,
    targetError,
    clientEvents(input),
  );
  const server = createMcpServer(session);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    // The client closing our stdin ends the session, as MCP's stdio transport specifies.
    process.stdin.once('end', () => resolve());
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(transport);
  log(`pylon-kb mcp ${config.contentDir}: ready (tools: ${TOOL_NAMES.join(', ')})`);
  if (targetError) {
    log(
      `pylon-kb mcp: no publish target (${targetError.message}): check works offline; every other tool answers with this error until the server is started with one.`,
    );
  }
  await closed;
  await server.close();
  await session.close();
  return 0;
}

/**
 * The config the server runs with. Without a usable target (no token: the usual first setup of an agent)
 * the server still starts: an agent's client shows a server that exits at start only as "failed", while a
 * tool error reaches the agent with the fix (which variable to set). `check` needs no target and works.
 */
async function mcpConfig(input: CommandInput): Promise<{ config: ResolvedConfig; targetError?: InputError }> {
  try {
    return { config: await loadCliConfig(input) };
  } catch (error) {
    const aboutTarget =
      error instanceof InputError &&
      error.diagnostics.length > 0 &&
      error.diagnostics.every((d) => d.field === 'target' || d.field?.startsWith('target.') === true);
    if (!aboutTarget) throw error;
    // The embedded emulator stands in for the offline steps only: the session never opens it.
    return { config: await loadCliConfig(input, { forceEmulator: true }), targetError: error };
  }
}
