import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * Each raw HTML piece of a document parsed once (as an HTML fragment) and shared by the steps that read
 * it: the unsafe-content scan and reference marking. Read-only: the steps never change a fragment.
 */
export class RawFragments {
  private readonly parsed = new Map<string, Root>();

  of(html: string): Root {
    let fragment = this.parsed.get(html);
    if (!fragment) {
      fragment = fromHtml(html, { fragment: true });
      this.parsed.set(html, fragment);
    }
    return fragment;
  }
}
