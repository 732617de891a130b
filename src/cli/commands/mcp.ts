import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '../../mcp/server.js';
import { configSecrets, McpSession } from '../../mcp/session.js';
import { CONFIG_OPTIONS, parse } from '../args.js';
import { loadCliConfig } from '../config.js';
import { HELP } from '../help.js';
import type { CliIO } from '../io.js';

/**
 * `pylon-kb mcp`: an MCP server over stdio, configured as the CLI is. Stdout carries only protocol
 * messages, so everything this command says goes to stderr.
 */
export async function mcpCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, CONFIG_OPTIONS);
  if (values.help) {
    io.stdout.write(`${HELP.mcp}\n`);
    return 0;
  }
  const config = await loadCliConfig(values, io);
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
  log(
    `pylon-kb mcp ${config.contentDir}: ready (tools: check, plan, apply, list_collections, get_article, search_articles)`,
  );
  await closed;
  await server.close();
  await session.close();
  return 0;
}
