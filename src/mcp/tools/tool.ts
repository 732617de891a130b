import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { McpSession } from '../session.js';

/** One MCP tool: its name, a description written for an agent, its input shape, and what it does. */
export interface ToolDefinition<Shape extends z.ZodRawShape> {
  name: string;
  description: string;
  input: Shape;
  /** Read-only tools say so, so clients can run them without asking. */
  readOnly?: boolean;
  run(session: McpSession, args: z.infer<z.ZodObject<Shape>>): Promise<CallToolResult>;
}
