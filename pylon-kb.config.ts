import { defineConfig } from './src/config/define.js';

// The repository's own config: publishes content-example/ into the embedded emulator, or into Pylon when
// PYLON_API_TOKEN is set (see docs/config.md for every key).
export default defineConfig({
  contentDir: 'content-example',
  knowledgeBase: 'help-center',
  defaultAuthor: 'ada@acme.test',
  teams: { Support: 'grace@acme.test', Docs: 'ada@acme.test' },
  // `plan` and `apply` into the embedded emulator enforce Pylon's documented limits with a clock 20x faster
  // (a "minute" lasts 3 s), to show the rate-limit pacing without taking minutes; `start` and `preview`
  // never pace.
  target: process.env.PYLON_API_TOKEN
    ? { kind: 'pylon' }
    : { kind: 'emulator', seed: 'default', rateLimits: 'documented', timeScale: 0.05 },
  publish: true,
  visibility: { visibility: 'public', unlisted: false },
  rateLimits: { preset: 'documented' },
  concurrency: 4,
  orphans: 'report',
  onDrift: 'fail',
});
