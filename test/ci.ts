/**
 * Whether the tests run in CI (`CI` set to anything but empty, `0` or `false`; `.ci/run` sets `CI=true`).
 * There, a test whose prerequisite is missing (Chromium, Pylon's OpenAPI document) fails instead of
 * skipping: a missing prerequisite in CI is a broken CI, not a pass.
 */
const ci = process.env.CI;
export const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
