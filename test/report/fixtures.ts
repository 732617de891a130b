import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type {
  CreateArticleOp,
  CreateCollectionOp,
  MoveArticleOp,
  Operation,
  Plan,
  UpdateArticleOp,
} from '../../src/plan/types.js';

/** A title that tries every escape: table pipes, quotes, HTML injection, backticks, a newline. */
export const HOSTILE_TITLE = 'Tabs | "quotes" <script>alert(1)</script> `code` ``` fence\nsecond line';

const MARKER = '<div data-pylon-kb="{&quot;key&quot;:&quot;k&quot;}"></div>';

export const KB = { id: 'kb_01', slug: 'acme-help', title: 'Acme Help Center' };

export function createCollection(overrides: Partial<CreateCollectionOp> = {}): CreateCollectionOp {
  return {
    kind: 'create-collection',
    key: 'guides',
    title: 'Guides',
    slug: 'guides',
    parentKey: null,
    parentId: null,
    ...overrides,
  };
}

export function createArticle(overrides: Partial<CreateArticleOp> = {}): CreateArticleOp {
  return {
    kind: 'create-article',
    key: 'guides/install.md',
    path: 'guides/install.md',
    title: 'Install the agent',
    slug: 'install-the-agent',
    collectionKey: 'guides',
    collectionId: null,
    authorUserId: 'user_1',
    translations: [],
    isPublished: true,
    isUnlisted: false,
    bodyHtml: `${MARKER}<h1>Install the agent</h1><p>Download the installer and run it.</p>`,
    digest: 'd-install',
    ...overrides,
  };
}

export const BEFORE_BODY =
  '<h1>Configure SSO</h1><p>Open the admin console.</p><p>Choose SAML and paste the metadata URL.</p>' +
  '<ul><li>Okta</li><li>Azure AD</li></ul><pre><code class="language-sh">curl -X POST /sso\n</code></pre>' +
  '<p>Save the settings.</p>';

export const AFTER_BODY =
  `${MARKER}<h1>Configure SSO</h1><p>Open the admin console.</p>` +
  '<p>Choose SAML or OIDC and paste the metadata URL from your identity provider.</p>' +
  '<ul><li>Okta</li><li>Azure AD</li><li>Google Workspace</li></ul>' +
  '<pre><code class="language-sh">curl -X POST /sso\n</code></pre><p>Save the settings.</p>';

export function updateArticle(overrides: Partial<UpdateArticleOp> = {}): UpdateArticleOp {
  return {
    kind: 'update-article',
    key: 'admin/sso.md',
    path: 'admin/sso.md',
    articleId: 'art_sso',
    url: 'https://help.acme.test/articles/2000000001-configure-sso',
    changes: ['title', 'body'],
    translations: [],
    title: 'Configure single sign-on',
    bodyHtml: AFTER_BODY,
    digest: 'd-sso-2',
    isUnlisted: false,
    isPublished: true,
    publish: true,
    before: { title: 'Configure SSO', bodyHtml: BEFORE_BODY, isUnlisted: false, isPublished: true },
    ...overrides,
  };
}

export function moveArticle(overrides: Partial<MoveArticleOp> = {}): MoveArticleOp {
  return {
    kind: 'move-article',
    key: 'admin/billing.md',
    path: 'admin/billing.md',
    title: 'Billing and invoices',
    slug: 'billing-and-invoices',
    collectionKey: 'admin',
    collectionId: 'col_admin',
    authorUserId: 'user_1',
    translations: [],
    isPublished: true,
    isUnlisted: false,
    bodyHtml: `${MARKER}<p>Invoices are sent monthly.</p>`,
    digest: 'd-billing',
    from: {
      articleId: 'art_billing_old',
      key: 'guides/billing.md',
      url: 'https://help.acme.test/articles/1000000007-billing',
      slug: 'billing',
      collectionKey: 'guides',
      redirects: ['/articles/legacy-billing'],
    },
    redirectPaths: ['/articles/1000000007-billing', '/articles/legacy-billing'],
    retire: 'unlist',
    reason: 'collection-changed',
    ...overrides,
  };
}

export const DIAGNOSTICS: Diagnostic[] = [
  {
    severity: 'error',
    code: 'author/unknown',
    message: 'Unknown author "jane@acme.test".',
    file: 'guides/install.md',
    line: 3,
    column: 9,
    field: 'author',
    hint: 'Did you mean jane.doe@acme.test?',
  },
  {
    severity: 'warning',
    code: 'link/broken',
    message: 'Link to ./missing.md, does not resolve: 100% broken\nsecond line',
    file: 'guides/a,b:c.md',
    line: 12,
  },
];

/** A plan with every operation kind, one hostile title, and diagnostics. */
export function fullPlan(): Plan {
  const operations: Operation[] = [
    createCollection(),
    createCollection({ key: 'guides/advanced', title: 'Advanced', slug: 'advanced', parentKey: 'guides' }),
    createArticle(),
    createArticle({
      key: 'guides/advanced/hostile.md',
      path: 'guides/advanced/hostile.md',
      title: HOSTILE_TITLE,
      slug: 'hostile',
      collectionKey: 'guides/advanced',
      isUnlisted: true,
      bodyHtml: `${MARKER}<p>Body with <b>bold</b> and <img src="https://cdn.example.com/x.png" alt="x"></p>`,
    }),
    updateArticle(),
    updateArticle({
      key: 'admin/hostile-update.md',
      path: 'admin/hostile-update.md',
      articleId: 'art_hostile',
      url: 'https://help.acme.test/articles/2000000002-hostile',
      changes: ['title', 'unlisted', 'body'],
      title: HOSTILE_TITLE,
      isUnlisted: true,
      before: {
        title: 'Plain title',
        bodyHtml: '<p>Old text</p><script>alert("before")</script>',
        isUnlisted: false,
        isPublished: true,
      },
      bodyHtml: '<p onclick="alert(1)">New text with <a href="javascript:alert(1)">a link</a></p>',
    }),
    moveArticle(),
    {
      kind: 'create-redirects',
      key: 'guides/install.md',
      path: 'guides/install.md',
      articleId: 'art_install',
      title: 'Install the agent',
      redirectPaths: ['/articles/setup-agent'],
      bodyHtml: `${MARKER}<p>Install body</p>`,
      publish: true,
    },
    {
      kind: 'retire-article',
      key: 'guides/old.md',
      articleId: 'art_old',
      title: 'Old page',
      url: 'https://help.acme.test/articles/1000000009-old',
      action: 'unlist',
    },
    {
      kind: 'orphan',
      key: 'guides/gone.md',
      articleId: 'art_gone',
      title: 'Gone page',
      url: 'https://help.acme.test/articles/1000000010-gone',
    },
    {
      kind: 'drift',
      key: 'admin/limits.md',
      path: 'admin/limits.md',
      articleId: 'art_limits',
      title: 'Rate limits',
      url: 'https://help.acme.test/articles/1000000011-limits',
      resolution: 'fail',
    },
  ];
  return {
    version: 1,
    knowledgeBase: KB,
    summary: {
      unchanged: 12,
      'create-collection': 2,
      'create-article': 2,
      'update-article': 2,
      'move-article': 1,
      'create-redirects': 1,
      'retire-article': 1,
      orphan: 1,
      drift: 1,
    },
    operations,
    diagnostics: DIAGNOSTICS,
    remoteVersions: { art_sso: 'v1', art_hostile: 'v7', art_billing_old: 'v3' },
  };
}

export function emptyPlan(): Plan {
  return {
    version: 1,
    knowledgeBase: KB,
    summary: { unchanged: 12 },
    operations: [],
    diagnostics: [],
    remoteVersions: {},
  };
}

/** `count` updates, each body a few KB, with a change in the middle: for the size cap. */
export function largePlan(count: number): Plan {
  const paragraphs = (seed: number, changed: boolean): string =>
    Array.from({ length: 40 }, (_, i) => {
      const text = `Paragraph ${i} of article ${seed}: the quick brown fox jumps over the lazy dog, again and again.`;
      return `<p>${changed && i % 10 === 5 ? `${text} Now with an edit.` : text}</p>`;
    }).join('');
  const operations: Operation[] = Array.from({ length: count }, (_, n) =>
    updateArticle({
      key: `bulk/article-${n}.md`,
      path: `bulk/article-${n}.md`,
      articleId: `art_${n}`,
      title: `Bulk article ${n}`,
      changes: ['body'],
      bodyHtml: paragraphs(n, true),
      before: {
        title: `Bulk article ${n}`,
        bodyHtml: paragraphs(n, false),
        isUnlisted: false,
        isPublished: true,
      },
    }),
  );
  return {
    version: 1,
    knowledgeBase: KB,
    summary: { unchanged: 0, 'update-article': count },
    operations,
    diagnostics: [],
    remoteVersions: {},
  };
}
