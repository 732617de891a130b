import { describe, expect, it } from 'vitest';
import {
  ASSET_ATTRIBUTE,
  articlePlaceholder,
  assetPlaceholder,
  placeholdersIn,
  substitutePlaceholders,
  uploadedAssetUrls,
} from '../../src/identity/placeholders.js';

const sha = 'f'.repeat(64);
const html =
  `<p><a href="${articlePlaceholder('guides/set up', 'install')}">a</a> <a href="${articlePlaceholder('faq')}">b</a>` +
  `<img src="${assetPlaceholder(sha)}" alt="x" ${ASSET_ATTRIBUTE}="${sha}"></p>`;

describe('placeholders', () => {
  it('lists what a body refers to', () => {
    expect(placeholdersIn(html)).toEqual({ articles: ['guides/set up', 'faq'], assets: [sha] });
  });

  it('substitutes known URLs (escaped for the attribute), keeps and lists the others', () => {
    const result = substitutePlaceholders(html, {
      articleUrl: (key) => (key === 'faq' ? 'https://help.acme.test/articles/1-faq?x=1&y=2' : null),
      assetUrl: () => 'https://assets.acme.test/a.png?Expires=1&Signature=2',
    });
    expect(result.html).toContain('href="https://help.acme.test/articles/1-faq?x=1&amp;y=2"');
    expect(result.html).toContain('src="https://assets.acme.test/a.png?Expires=1&amp;Signature=2"');
    expect(result.html).toContain(`href="${articlePlaceholder('guides/set up', 'install')}"`);
    expect(result.pendingArticles).toEqual(['guides/set up']);
    expect(result.pendingAssets).toEqual([]);
  });

  it('finds uploaded URLs in remote HTML whatever the attribute order and quoting', () => {
    const remote = `<p><img ${ASSET_ATTRIBUTE}='${sha}' alt="x" src="https://assets.acme.test/a.png?E=1&amp;S=2"></p>`;
    expect(uploadedAssetUrls(remote)).toEqual(new Map([[sha, 'https://assets.acme.test/a.png?E=1&S=2']]));
    expect(uploadedAssetUrls(html).size).toBe(0);
    const normalised = `<img src="https://assets.acme.test/a.png?E=1&#x26;S=2" ${ASSET_ATTRIBUTE}="${sha}">`;
    expect(uploadedAssetUrls(normalised).get(sha)).toBe('https://assets.acme.test/a.png?E=1&S=2');
  });
});
