/**
 * The Pylon API contract: record shapes, the endpoint table, rate-limit presets, enumerated values and
 * Truto's path mapping. The client (`src/pylon/`) and the emulator (`src/emulator/`) both derive from it;
 * nothing here does I/O.
 */
export {
  ENDPOINT_TABLE,
  ENDPOINTS,
  type Endpoint,
  type EndpointName,
  type EndpointRow,
  endpoint,
  fillPath,
  type HttpMethod,
  pathParams,
  RATE_CLASSES,
  type RateClass,
} from './endpoints.js';
export { decodeHtmlEntities, escapeHtml } from './html-text.js';
export {
  isPylonLanguage,
  type LanguageMapping,
  PYLON_LANGUAGES,
  type PylonLanguage,
  pylonLanguageOf,
} from './languages.js';
export {
  RATE_LIMIT_PRESET_NAMES,
  RATE_LIMIT_PRESETS,
  type RateLimitPreset,
  rateLimitsFor,
} from './rate-limits.js';
export type {
  Article,
  ArticleTranslationInput,
  Attachment,
  Collection,
  CreateArticleBody,
  CreateCollectionBody,
  CreateRouteRedirectBody,
  KnowledgeBase,
  Me,
  MiniUser,
  RouteRedirect,
  Team,
  UpdateArticleBody,
  UpdateCollectionBody,
  User,
  UserRole,
  VisibilityConfig,
} from './records.js';
export {
  DEFAULT_TRUTO_API_URL,
  pylonPrefixOfResource,
  TRUTO_ACCOUNT_LIMIT,
  TRUTO_PROXY_RESOURCES,
  TRUTO_WINDOW_MS,
  trutoPathFor,
} from './truto.js';
export {
  AI_AGENT_ACCESS_VALUES,
  type AiAgentAccess,
  REDIRECT_OBJECT_TYPES,
  type RedirectObjectType,
  VISIBILITIES,
  type Visibility,
} from './values.js';
