import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer, TOOL_NAMES } from '../../mcp/server.js';
import { configSecrets, McpSession } from '../../mcp/session.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';

/**
 * `pylon-kb mcp`: an MCP server over stdio, configured as the CLI is. Stdout carries only protocol
 * messages, so everything this command says goes to stderr.
 */
export async function run(input: CommandInput): Promise<number> {
  const { io } = input;
  const config = await loadCliConfig(input);
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const session = new McpSession(config, configSecrets(config, io.env), log);
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
  await closed;
  await server.close();
  await session.close();
  return 0;
}
