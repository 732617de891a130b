import { describe, expect, it } from 'vitest';
import type { Plan, PlanReferences } from '../../src/plan/types.js';
import { renderPlanHtml, renderPlanMarkdown, renderPlanText, summaryLine } from '../../src/report/index.js';
import { createArticle, KB, moveArticle, updateArticle } from './fixtures.js';

/** Fixtures for the reader's view in reports: links, translations, images, redirect counts, columns, summaries. */

const SHA = 'a'.repeat(64);
const NEW_SHA = 'b'.repeat(64);
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const REFS: PlanReferences = {
  articles: {
    'guides/install': { title: 'Install the agent', path: 'guides/install.md' },
    'admin/roles': {
      title: 'Roles and permissions',
      path: 'admin/roles.md',
      url: 'https://help.acme.test/articles/3000000003-roles',
    },
  },
  assets: {
    [SHA]: {
      path: 'images/console.png',
      contentType: 'image/png',
      url: 'https://uploads.pylon.test/org/console.png',
    },
    [NEW_SHA]: { path: 'images/new-console.png', contentType: 'image/png' },
  },
};

function plan(operations: Plan['operations'], references: PlanReferences = REFS): Plan {
  return {
    version: 1,
    knowledgeBase: KB,
    summary: { unchanged: 4 },
    operations,
    diagnostics: [],
    remoteVersions: {},
    references,
  };
}

const linkUpdate = updateArticle({
  changes: ['body'],
  title: 'Configure SSO',
  before: {
    title: 'Configure SSO',
    bodyHtml:
      '<p>See <a href="https://help.acme.test/articles/3000000003-roles#admins">roles</a>.</p>' +
      `<p><img src="https://uploads.pylon.test/org/console.png" data-pylon-kb-asset="${SHA}" alt="Console"></p>`,
    isUnlisted: false,
    isPublished: true,
  },
  bodyHtml:
    '<p>See <a href="https://help.acme.test/articles/3000000003-roles#admins">roles</a> and ' +
    '<a href="pylon-kb://article/guides%2Finstall#download">install it first</a>.</p>' +
    `<p><img src="pylon-kb://asset/${NEW_SHA}" data-pylon-kb-asset="${NEW_SHA}" alt="Console"></p>`,
});

describe('links to other documents', () => {
  const p = plan([linkUpdate]);

  it('show the target title and path in text and Markdown, never a placeholder', () => {
    for (const report of [renderPlanText(p, { color: false }), renderPlanMarkdown(p)]) {
      expect(report).not.toContain('pylon-kb://');
      expect(report).toContain('[install it first](“Install the agent” guides/install.md#download)');
      // A link whose URL is known reads the same on both sides: no change shown for it.
      expect(report).toContain('“Roles and permissions” admin/roles.md#admins');
    }
  });

  it('point at the public URL when known in the HTML panes, and say where they go', () => {
    const html = renderPlanHtml(p);
    expect(html).not.toContain('pylon-kb://');
    expect(html).toContain('href="https://help.acme.test/articles/3000000003-roles#admins"');
    expect(html).toContain('title="“Install the agent” guides/install.md#download"');
  });
});

describe('images in the HTML panes', () => {
  it('show the local file inlined and the remote one by its uploaded URL', () => {
    const html = renderPlanHtml(plan([linkUpdate]), { images: { [NEW_SHA]: PNG } });
    expect(html).toContain(`<img src="${PNG}" alt="Console">`);
    expect(html).toContain('<img src="https://uploads.pylon.test/org/console.png" alt="Console">');
    expect(html).toContain('img-src data: https://uploads.pylon.test;');
    // Any other remote image stays a label (the page loads nothing else).
    const other = renderPlanHtml(
      plan([createArticle({ bodyHtml: '<p><img src="https://cdn.example.com/x.png" alt="x"></p>' })]),
    );
    expect(other).toContain('[image: x]');
    expect(other).not.toContain('<img src="https://cdn.example.com');
  });

  it('name the source file in text diffs', () => {
    expect(renderPlanText(plan([linkUpdate]), { color: false })).toContain(
      '+ ![Console](images/new-console.png)',
    );
  });
});

describe('translation changes', () => {
  const fr = updateArticle({
    changes: ['translations'],
    translations: [
      {
        language: 'fr',
        path: 'admin/sso.fr.md',
        title: 'Configurer le SSO',
        bodyHtml: '<p>Choisissez SAML ou OIDC.</p>',
        before: { title: 'Configurer SSO', bodyHtml: '<p>Choisissez SAML.</p>' },
      },
      { language: 'de', path: 'admin/sso.de.md', title: 'SSO einrichten', bodyHtml: '<p>Neu.</p>' },
    ],
  });
  const p = plan([fr]);

  it('are shown like any other body change in text', () => {
    const text = renderPlanText(p, { color: false });
    expect(text).toContain('translation fr "Configurer le SSO" (admin/sso.fr.md)');
    expect(text).toContain('title: "Configurer SSO" → "Configurer le SSO"');
    expect(text).toContain('- Choisissez SAML.');
    expect(text).toContain('+ Choisissez SAML ou OIDC.');
    expect(text).toContain('+ translation de "SSO einrichten" (admin/sso.de.md), new');
  });

  it('and in Markdown and HTML', () => {
    const md = renderPlanMarkdown(p);
    expect(md).toContain('Body diff: admin/sso.md (fr)');
    expect(md).toContain('+ Choisissez SAML ou OIDC.');
    expect(md).toContain('new `de` translation `admin/sso.de.md`');
    const html = renderPlanHtml(p);
    expect(html).toContain('data-testid="translation-change" data-language="fr"');
    expect(html).toContain('Choisissez SAML<ins> ou OIDC</ins>.');
  });
});

describe('summaries', () => {
  const p = plan([moveArticle({ redirectPaths: ['/articles/1000000007-billing'] })]);

  it('count the redirects a move adds', () => {
    expect(summaryLine(p)).toBe(
      'Plan: 0 collections to create, 0 articles to create, 0 to update, 1 to move, 1 redirect to add. 4 unchanged.',
    );
    expect(renderPlanMarkdown(p)).toContain('| Redirects to add | 1 |');
    expect(renderPlanHtml(p)).toContain('<td>Redirects to add</td><td class="num">1</td>');
  });

  it('lead the job-summary Markdown with what changed, with no rows of zeros', () => {
    const md = renderPlanMarkdown(p);
    const lines = md.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe('## pylon-kb plan: Acme Help Center');
    expect(lines[1]).toBe('**Plan: 1 to move, 1 redirect to add. 4 unchanged.**');
    expect(md).not.toMatch(/\| 0 \|/);
    expect(md).toContain('| Articles to move | 1 |');
  });
});

describe('table columns', () => {
  it('are never cut from a diff line, however narrow the terminal', () => {
    const wide = updateArticle({
      changes: ['body'],
      before: {
        title: 'T',
        bodyHtml: '<table><tr><td>Plan</td><td>Seats</td><td>Price</td></tr></table>',
        isUnlisted: false,
        isPublished: true,
      },
      bodyHtml: '<table><tr><td>Plan</td><td>Seats</td><td>Price per month</td></tr></table>',
    });
    const text = renderPlanText(plan([wide]), { color: false, width: 30 });
    expect(text).toContain('+ | Plan | Seats | Price per month |');
  });
});
