/** Enumerated values Pylon's API takes (its OpenAPI document's enums), written once for all readers. */

/** Who may read an article or collection. */
export const VISIBILITIES = ['public', 'customer', 'internal_only'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Whether Pylon's AI agents may use an article or collection. */
export const AI_AGENT_ACCESS_VALUES = ['inherit', 'none', 'specific_agents'] as const;
export type AiAgentAccess = (typeof AI_AGENT_ACCESS_VALUES)[number];

/** What a route redirect may point at. */
export const REDIRECT_OBJECT_TYPES = ['article', 'collection'] as const;
export type RedirectObjectType = (typeof REDIRECT_OBJECT_TYPES)[number];
