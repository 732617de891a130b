import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { redactConfig } from '../config/redact.js';
import { VERSION } from '../version.js';
import { toFailure } from './failure.js';
import { collectionTree } from './knowledge-base.js';
import { failed, scrub } from './result.js';
import type { McpSession } from './session.js';
import { applyTool, checkTool, planTool } from './tools/publish.js';
import { pullTool } from './tools/pull.js';
import { getArticleTool, listCollectionsTool, searchArticlesTool } from './tools/read.js';
import type { ToolDefinition } from './tools/tool.js';

const INSTRUCTIONS =
  'pylon-kb publishes the docs tree (Markdown files) into a Pylon knowledge base. Edit the Markdown files, ' +
  'then: check (fix every error it lists), plan (show the user the report), apply with the plan_id plan ' +
  'returned. Never write articles through other Pylon tools: pylon-kb tracks which article belongs to which ' +
  'file, keeps old URLs alive when files move, and never creates duplicates.';

const TOOLS = [
  checkTool,
  planTool,
  applyTool,
  listCollectionsTool,
  getArticleTool,
  searchArticlesTool,
  pullTool,
] as ToolDefinition<z.ZodRawShape>[];

export const TOOL_NAMES = TOOLS.map((t) => t.name);

/** The MCP server: the safe verbs of pylon-kb, over one session. */
export function createMcpServer(session: McpSession): McpServer {
  const server = new McpServer({ name: 'pylon-kb', version: VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of TOOLS) register(server, session, tool);

  server.registerResource(
    'config',
    'pylon-kb://config',
    {
      title: 'pylon-kb configuration in force',
      description: 'The resolved config (file < env < flags) this server runs with; tokens are redacted.',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: 'application/json',
          text: JSON.stringify(scrub(shownConfig(session), session.secrets), null, 2),
        },
      ],
    }),
  );
  server.registerResource(
    'collections',
    'pylon-kb://collections',
    {
      title: 'Knowledge base collections',
      description: "The configured knowledge base's collection tree with article counts.",
      mimeType: 'application/json',
    },
    async (uri) => {
      const current = await session.current();
      const body = { knowledgeBase: current.knowledgeBase, collections: collectionTree(current) };
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/json',
            text: JSON.stringify(scrub(body, session.secrets), null, 2),
          },
        ],
      };
    },
  );
  return server;
}

function register(server: McpServer, session: McpSession, tool: ToolDefinition<z.ZodRawShape>): void {
  server.registerTool(
    tool.name,
    {
      description: tool.description,
      inputSchema: tool.input,
      annotations: { readOnlyHint: tool.readOnly === true, openWorldHint: false },
    },
    async (args: Record<string, unknown>): Promise<CallToolResult> => {
      let result: CallToolResult;
      try {
        result = await tool.run(session, args as never);
      } catch (error) {
        result = failed(toFailure(error));
      }
      return scrub(result, session.secrets);
    },
  );
}

/** The config as the resource shows it: without a usable target, `target` is null (not the stand-in). */
function shownConfig(session: McpSession): unknown {
  const config = redactConfig(session.config);
  return session.targetError ? { ...config, target: null, targetError: session.targetError.message } : config;
}
