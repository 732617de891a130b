import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { API_ROUTES } from '../../src/emulator/router.js';
import { inCi } from '../ci.js';
import { contractMissingReason } from './contract.js';
import { type Api, contract, startTestEmulator } from './helpers.js';

/** Operations the emulator serves that Pylon's April 2026 document does not have (reference [LATER]). */
const NOT_IN_SPEC = new Set(['PATCH /knowledge-bases/{id}/collections/{collection_id}']);

const served = API_ROUTES.map((r) => `${r.method} ${r.template}`);

if (!contract && inCi) {
  // CI provides the document beside the clone: without it the contract is unchecked, which must not pass.
  describe("contract: Pylon's OpenAPI document", () => {
    it('is there (CI=true requires it)', () => {
      expect.fail(`${contractMissingReason}. CI must provide it, or set PYLON_OPENAPI to its path.`);
    });
  });
} else if (!contract) {
  console.warn(`[emulator contract] ${contractMissingReason}. Skipping; in CI (CI=true) this fails instead.`);
}

(contract ? describe : describe.skip)(
  "contract: every served operation against Pylon's OpenAPI document",
  () => {
    let emu: RunningEmulator;
    let api: Api;
    let kb: string;
    let author: string;

    beforeAll(async () => {
      const started = await startTestEmulator();
      ({ emu, api, author } = started);
      // Collection PATCH is off by default (the April 2026 document lacks it); its fidelity is checked too.
      emu.setOptions({ collectionPatch: true });
      kb = started.kb.id;
    });
    afterAll(() => emu.close());

    it('serves only paths that exist in the spec (apart from the later collection PATCH)', () => {
      for (const op of served) {
        if (NOT_IN_SPEC.has(op)) continue;
        const [method, template] = op.split(' ') as [string, string];
        expect(contract?.operation(method, template), op).toBeDefined();
      }
    });

    it('validates a valid request and 200 response for every operation, and error bodies', async () => {
      const kbPath = `/knowledge-bases/${kb}`;
      const ok = async (promise: Promise<{ status: number; body: unknown }>) => {
        const res = await promise;
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body as { data: Record<string, string> };
      };
      await ok(api.get('/knowledge-bases'));
      await ok(api.get(kbPath));
      const parent = (
        await ok(api.post(`${kbPath}/collections`, { title: 'Parent', description: 'd', slug: 'parent' }))
      ).data;
      const child = (
        await ok(api.post(`${kbPath}/collections`, { title: 'Child', parent_collection_id: parent.id }))
      ).data;
      await ok(api.get(`${kbPath}/collections`));
      await ok(api.get(`${kbPath}/collections/${child.id}`));
      await ok(api.patch(`${kbPath}/collections/${child.id}`, { title: 'Child 2' }));
      const article = (
        await ok(
          api.post(`${kbPath}/articles`, {
            title: 'Contract',
            body_html: '<p>c</p>',
            author_user_id: author,
            collection_id: child.id,
            slug: 'contract',
            is_published: true,
            is_unlisted: false,
            visibility_config: { visibility: 'public', ai_agent_access: 'inherit', allowed_agent_ids: [] },
            translations: [{ language: 'fr', title: 'Contrat', body_html: '<p>fr</p>' }],
          }),
        )
      ).data;
      const draft = (
        await ok(api.post(`${kbPath}/articles`, { title: 'Draft', body_html: '', author_user_id: author }))
      ).data;
      await ok(api.get(`${kbPath}/articles`, { query: { limit: 1 } }));
      await ok(api.get(`${kbPath}/articles`, { query: { language: 'fr' } }));
      await ok(api.get(`${kbPath}/articles/${article.id}`));
      await ok(api.get(`${kbPath}/articles/${draft.id}`));
      await ok(
        api.patch(`${kbPath}/articles/${article.id}`, {
          body_html: '<p>2</p>',
          publish_updated_body_html: true,
        }),
      );
      await ok(api.patch(`${kbPath}/articles/${article.id}`, { language: 'fr', title: 'Contrat 2' }));
      await ok(api.patch(`${kbPath}/articles/${draft.id}`, { is_published: true }));
      await ok(
        api.post(`${kbPath}/route-redirects`, {
          from_path: '/c',
          object_id: article.id,
          object_type: 'article',
        }),
      );
      await ok(
        api.post(`${kbPath}/route-redirects`, {
          from_path: '/p',
          object_id: parent.id,
          object_type: 'collection',
          language: 'en',
        }),
      );
      await ok(api.get('/me'));
      const users = (await ok(api.get('/users'))).data as unknown as Array<{ id: string }>;
      await ok(api.get(`/users/${users[0]?.id}`));
      await ok(
        api.post('/users/search', {
          filter: { field: 'email', operator: 'in', values: ['ada@acme.test'] },
          limit: 10,
        }),
      );
      await ok(api.get('/user-roles'));
      const teams = (await ok(api.get('/teams'))).data as unknown as Array<{ id: string }>;
      await ok(api.get(`/teams/${teams[0]?.id}`));
      const form = new FormData();
      form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
      form.append('description', 'greeting');
      await ok(api.post('/attachments', form));
      await ok(api.delete(`${kbPath}/articles/${draft.id}`));
      await ok(api.delete(`${kbPath}/collections/${parent.id}`));

      // Error bodies are validated against ErrorApiResponseBody for the statuses the spec documents.
      expect((await api.get(`${kbPath}/articles/missing`)).status).toBe(404);
      expect((await api.post(`${kbPath}/articles`, { title: 'x' }, { invalid: true })).status).toBe(400);

      const missing = served.filter((op) => !NOT_IN_SPEC.has(op) && !contract?.covered.has(op));
      expect(missing).toEqual([]);
    });

    it('catches a body that breaks the schema (the checker is not vacuous)', () => {
      const errors = contract?.checkResponse('GET', '/knowledge-bases/{id}/articles', 200, {
        data: [{ id: 1, is_published: 'yes' }],
        pagination: { cursor: '' },
        request_id: 'r',
      });
      expect(errors).toContain('must be string');
      expect(errors).toContain('must be boolean');
      expect(errors).toContain("must have required property 'has_next_page'");
      expect(
        contract?.checkRequest('POST', '/knowledge-bases/{id}/articles', { title: 'no body' }),
      ).toContain("must have required property 'body_html'");
      expect(contract?.checkResponse('GET', '/me', 404, { errors: 'not a list' })).toContain('must be array');
    });
  },
);
