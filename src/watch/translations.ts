import { readMarker } from '../identity/marker.js';
import type { PylonApi } from '../pylon/api.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import type { FoldedState } from './fold.js';

/**
 * Reads back the translations pylon-kb just wrote, one article and language at a time (a simple read, not
 * a list), and puts them into the state the way `loadCurrentState` does.
 */
export async function readBackTranslations(
  api: PylonApi,
  state: CurrentState,
  wanted: FoldedState['translationsToRead'],
): Promise<CurrentState> {
  if (wanted.length === 0) return state;
  const byId = new Map(state.articles.map((a) => [a.article.id, a]));
  for (const { articleId, languages } of wanted) {
    const remote = byId.get(articleId);
    if (!remote) continue;
    const translations: NonNullable<RemoteArticle['translations']> = { ...remote.translations };
    for (const language of languages) {
      const view = await api.getArticle(state.knowledgeBase.id, articleId, { language });
      const html = view.current_draft_content_html;
      translations[language] = { title: view.title, html, marker: readMarker(html) };
    }
    byId.set(articleId, { ...remote, translations });
  }
  return { ...state, articles: [...byId.values()] };
}
