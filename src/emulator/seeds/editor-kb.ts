import { DEFAULT_SEED } from '../seed.js';
import type { EmulatorSeed, SeedArticle } from '../types.js';

/**
 * A knowledge base as Pylon's editor leaves it, written by hand (not by pylon-kb's renderer): paragraphs
 * inside list items, nested lists, tables with and without a header row, code blocks with their language
 * on `<code>` or on `<pre>`, callouts in two shapes, images on attachment URLs, links to other articles by
 * their public URL (with anchors), an iframe, `<details>`, a French translation, a draft, an unlisted
 * internal article and one outside any collection. `pylon-kb emulator --seed editor-kb` serves it;
 * the pull round-trip tests run against it.
 */
const HOST = 'support.northwind.test';
const url = (identifier: string, suffix: string, anchor = '') =>
  `https://${HOST}/articles/${identifier}-${suffix}${anchor}`;

const WELCOME = '3100000001';
const INSTALL = '3100000002';
const SLACK = '3100000003';

const articles: SeedArticle[] = [
  {
    identifier: WELCOME,
    title: 'Welcome to Northwind',
    slug: 'welcome',
    collection: 'getting-started',
    author: 'grace@acme.test',
    is_published: true,
    body_html: `<p>Northwind keeps your <strong>support queue</strong> and your <em>knowledge base</em> in one place.</p><h2>What you need</h2><ul><li><p>An admin account</p></li><li><p>About <code>10</code> minutes</p><ul><li><p>five to <a href="${url(INSTALL, 'Install-the-agent')}" target="_blank" rel="noopener noreferrer nofollow">install the agent</a></p></li><li><p>five to <a href="${url(SLACK, 'Connect-Slack', '#before-you-start')}" target="_blank" rel="noopener noreferrer nofollow">connect Slack</a></p></li></ul></li></ul><p><img src="{{attachment:dashboard.png}}" alt="The Northwind dashboard"></p><div class="callout" data-callout-type="info"><p>New here? Read the whole guide once before you start.</p></div><h2>Next steps</h2><ol><li><p>Install the agent.</p></li><li><p>Invite your team.</p></li></ol>`,
    translations: [
      {
        language: 'fr',
        title: 'Bienvenue chez Northwind',
        body_html: `<p>Northwind réunit votre <strong>file de support</strong> et votre <em>base de connaissances</em>.</p><h2>Ce qu'il vous faut</h2><ul><li><p>Un compte administrateur</p></li><li><p>Environ <code>10</code> minutes</p></li></ul><p><img src="{{attachment:dashboard.png}}" alt="Le tableau de bord Northwind"></p><p>Ensuite, <a href="${url(INSTALL, 'Install-the-agent')}?lang=fr">installez l'agent</a>.</p>`,
      },
    ],
  },
  {
    identifier: INSTALL,
    title: 'Install the agent',
    slug: 'install-the-agent',
    collection: 'getting-started',
    author: 'ada@acme.test',
    is_published: true,
    body_html: `<p>The agent runs on Linux, macOS and Windows.</p><h2>Download</h2><pre><code class="language-bash">curl -fsSL https://get.northwind.test | sh
northwind-agent --version</code></pre><p>On Windows, use PowerShell:</p><pre class="language-powershell"><code>iwr https://get.northwind.test/win | iex</code></pre><h2>Configure</h2><p>Edit <code>agent.json</code>:</p><pre><code class="language-json">{
  "token": "YOUR_TOKEN",
  "region": "eu"
}</code></pre><table><thead><tr><th><p>Setting</p></th><th><p>Default</p></th><th><p>Meaning</p></th></tr></thead><tbody><tr><td><p><code>region</code></p></td><td><p>us</p></td><td><p>Where your data lives</p></td></tr><tr><td><p><code>proxy</code></p></td><td><p>none</p></td><td><p>An HTTP proxy, e.g. <code>http://proxy:3128</code></p></td></tr></tbody></table><blockquote class="callout callout-warning"><p>Keep the token secret: it can read every ticket.</p></blockquote><h2>Verify the install</h2><ol><li><p>Run <code>northwind-agent status</code>.</p><ol><li><p>It prints <strong>connected</strong>.</p></li><li><p>If not, check the proxy.</p></li></ol></li><li><p>Open the dashboard.</p></li></ol><details><summary>Troubleshooting an older agent</summary><p>Agents before 2.0 need <code>--legacy</code>.</p></details>`,
  },
  {
    identifier: SLACK,
    title: 'Connect Slack',
    slug: 'connect-slack',
    collection: 'integrations',
    author: 'katherine@acme.test',
    is_published: true,
    body_html: `<h2 id="before-you-start">Before you start</h2><p>You need the <u>workspace owner</u> role and the agent from <a href="${url(INSTALL, 'Install-the-agent', '#verify-the-install')}">Install the agent</a>.</p><h2>Steps</h2><ol start="1"><li><p>Open <strong>Settings → Integrations</strong>.</p></li><li><p>Choose <em>Slack</em> and approve the scopes.</p></li></ol><p><img src="{{attachment:dashboard.png}}" alt="Integrations page"> <img src="{{attachment:slack-scopes.png}}" alt="Slack scopes"></p><table><tbody><tr><td>Scope</td><td>Why</td></tr><tr><td>channels:read</td><td>List channels</td></tr><tr><td>chat:write</td><td>Post replies</td></tr></tbody></table><p>Watch the two-minute tour:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" title="Slack tour" frameborder="0" allowfullscreen></iframe><p>Message limits: 1 message per second (10<sup>3</sup> per day).</p>`,
  },
  {
    title: 'Roadmap notes',
    slug: 'roadmap-notes',
    collection: 'guides',
    is_published: false,
    body_html: `<p><strong>Draft.</strong> Not ready for customers.</p><ul><li><p>Teams integration</p></li><li><p>SAML login</p></li></ul>`,
  },
  {
    title: 'Escalation runbook',
    slug: 'escalation-runbook',
    collection: 'faq',
    is_published: true,
    is_unlisted: true,
    visibility_config: { visibility: 'internal_only' },
    body_html: `<p>For agents only.</p><ol><li><p>Page the on-call engineer.</p></li><li><p>Post in <code>#incidents</code>.</p></li></ol><hr><p>Last reviewed<br>by the support leads.</p>`,
  },
  {
    title: 'Billing questions',
    slug: 'billing-questions',
    collection: 'faq',
    is_published: true,
    visibility_config: { visibility: 'customer' },
    body_html: `<h3>Can I pay yearly?</h3><p>Yes: see <a href="https://northwind.test/pricing">our pricing page</a>. Yearly plans save <strong>15%</strong>.</p><h3>Where is my invoice?</h3><p>Under <em>Settings → Billing</em>. Invoices are PDF files; here is <a href="{{attachment:sample-invoice.pdf}}">a sample invoice</a>.</p><blockquote><p>Prices exclude VAT.</p></blockquote>`,
  },
  {
    title: 'Service status',
    slug: 'service-status',
    is_published: true,
    body_html: `<p>Current status lives at <a href="https://status.northwind.test">status.northwind.test</a>.</p>`,
  },
];

export const EDITOR_KB_SEED: EmulatorSeed = {
  ...DEFAULT_SEED,
  attachments: [
    {
      name: 'dashboard.png',
      base64:
        'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGPQyDsBRww4OQA4ohBpxkMlBAAAAABJRU5ErkJggg==',
    },
    {
      name: 'slack-scopes.png',
      base64:
        'iVBORw0KGgoAAAANSUhEUgAAAAMAAAADCAIAAADZSiLoAAAAEElEQVR4nGO4Y6MBQQxYWACvMgtBggDHLQAAAABJRU5ErkJggg==',
    },
    {
      name: 'sample-invoice.pdf',
      content_type: 'application/pdf',
      base64: 'JVBERi0xLjQKJSBzYW1wbGUgaW52b2ljZQolJUVPRgo=',
    },
  ],
  knowledgeBases: [
    {
      title: 'Northwind Support',
      slug: 'northwind',
      host: HOST,
      default_language: 'en',
      supported_languages: ['en', 'fr'],
      collections: [
        {
          title: 'Getting Started',
          slug: 'getting-started',
          description: 'Set up Northwind in ten minutes.',
        },
        { title: 'Guides', slug: 'guides' },
        {
          title: 'Integrations',
          slug: 'integrations',
          parent: 'guides',
          description: 'Connect the tools your team uses.',
        },
        { title: 'FAQ', slug: 'faq' },
      ],
      articles,
    },
  ],
};

/** Seeds `--seed` accepts by name, besides a JSON file. */
export const BUILT_IN_SEEDS: Record<string, EmulatorSeed> = { 'editor-kb': EDITOR_KB_SEED };
