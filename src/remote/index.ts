export {
  KnowledgeBaseNotFoundError,
  loadCurrentState,
  resolveKnowledgeBase,
  toRemoteArticle,
} from './snapshot.js';
export type { CurrentState, RemoteArticle } from './types.js';
