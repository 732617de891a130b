import { stringify } from 'yaml';
import type { RemoteArticle } from '../remote/types.js';

export interface DocumentFields {
  key: string;
  remote: RemoteArticle;
  /** The author's email, when Pylon says who wrote the article. */
  author?: string | undefined;
  /** Downloaded files: reference as written in the body → the Pylon URL it came from. */
  files: Record<string, string>;
  /** Text digest of the body pulled: the next apply adopts the article only while Pylon still says this. */
  text: string;
}

/**
 * The frontmatter of a pulled article: what pylon-kb needs to publish it back unchanged (title, slug,
 * key, visibility, unlisted, published) and `pulled_from`, which makes the next apply adopt the article in
 * place. Values are YAML-quoted as needed; the body follows unchanged.
 */
export function documentFile(fields: DocumentFields, body: string): string {
  const { article } = fields.remote;
  const frontmatter: Record<string, unknown> = {
    title: article.title,
    slug: article.slug,
    id: fields.key,
    ...(article.visibility_config?.visibility ? { visibility: article.visibility_config.visibility } : {}),
    unlisted: article.is_unlisted,
    published: article.is_published,
    ...(fields.author ? { author: fields.author } : {}),
    pulled_from: {
      article: article.id,
      text: fields.text,
      ...(Object.keys(fields.files).length > 0 ? { files: fields.files } : {}),
    },
  };
  return withFrontmatter(frontmatter, body);
}

/** A translation file (`name.<lang>.md`): only its title in frontmatter. */
export function translationFile(title: string, body: string): string {
  return withFrontmatter({ title }, body);
}

/** A folder's `_index.md`: the collection's title, slug and description. */
export function collectionFile(collection: { title: string; slug: string; description?: string }): string {
  return withFrontmatter(
    {
      title: collection.title,
      slug: collection.slug,
      ...(collection.description ? { description: collection.description } : {}),
    },
    '',
  );
}

function withFrontmatter(fields: Record<string, unknown>, body: string): string {
  const yaml = stringify(fields, { lineWidth: 0 });
  return `---\n${yaml}---\n${body === '' ? '' : `\n${body}`}`;
}
