const COMMON = `Config flags (each overrides pylon-kb.config.ts; see docs/config.md):
  -c, --config <file>        config file (default: pylon-kb.config.{ts,mts,js,mjs,json} in the cwd)
      --content-dir <dir>    the docs tree
      --kb <id|slug>         knowledge base
      --author <who>         default author: email, user id, user name or team:<name>
      --target <kind>        pylon | emulator | truto
      --truto-account <id>   Truto integrated account to publish through (implies --target truto)
      --rate-limits <preset> documented | raised | off
      --time-scale <x>       rate-limit clock speed (tests against the emulator)
      --concurrency <n>      parallel requests (1..32)
      --publish, --no-publish  publish creates and updates, or leave them as drafts
      --on-drift <policy>    fail | skip | overwrite
      --force                retire more than maxRetireRatio of the managed articles in one run
      --no-cache             render every document (plan and apply keep renderings in .pylon-kb/)
  -h, --help                 this help

Environment: PYLON_API_URL, PYLON_API_TOKEN, PYLON_KB, PYLON_AUTHOR, NO_COLOR, GITHUB_ACTIONS, GITHUB_STEP_SUMMARY
Through Truto (docs/truto.md): TRUTO_API_TOKEN, TRUTO_API_URL, TRUTO_INTEGRATED_ACCOUNT_ID`;

export const HELP: Record<string, string> = {
  main: `pylon-kb: publish a Markdown docs tree into a Pylon knowledge base and keep the two in sync.

Usage: pylon-kb <command> [options]

Commands:
  plan       show what apply would change (dry run; no writes)
  apply      make the knowledge base match the docs tree (or apply a saved plan file)
  check      validate the docs tree offline: every problem at once, no network
  start      publish into an embedded emulator and show the result (the demo: npm start)
  watch      apply each save to the knowledge base as a draft, until Ctrl-C
  emulator   run the Pylon API emulator as a server
  mcp        serve check, plan and apply to coding agents (Model Context Protocol over stdio)

Run 'pylon-kb <command> --help' for a command's options.
Exit codes: 0 success, 1 an operation or request failed, 2 invalid config, usage or content (nothing written).`,
  plan: `Usage: pylon-kb plan [options]

Reads the docs tree and the knowledge base and prints the difference. Writes nothing.

Output:
  -f, --format <fmt>       text (default) | json | markdown | html
      --json               short for --format json
  -o, --out <file>         write the report to a file ('apply <file>' applies a saved JSON plan)
      --detailed-exitcode  exit 0 when there are no changes, 2 when changes are pending, 1 on error

${COMMON}`,
  apply: `Usage: pylon-kb apply [plan.json] [options]

Makes the knowledge base match the docs tree. With a saved plan file (from 'plan --json --out'), applies
exactly that plan, and refuses when an article or collection it touches changed since it was made.

Output:
  -f, --format <fmt>       text (default) | json
      --json               short for --format json
  -o, --out <file>         write the results to a file

${COMMON}`,
  check: `Usage: pylon-kb check [options]

Validates the docs tree without contacting Pylon: frontmatter, folder metadata, duplicate keys and slugs,
rendering. Prints every problem with file and line. Exit 2 when there is an error.

${COMMON}`,
  start: `Usage: pylon-kb start [options]

Starts an embedded Pylon emulator, prints the plan for the docs tree, applies it with progress, prints the
published URLs, then shows that a second plan is empty. Uses pylon-kb.config.ts when present (default
content: content-example/), always against the embedded emulator.

${COMMON}`,
  watch: `Usage: pylon-kb watch [options]

Watches the docs tree and the config file. At start it applies what differs; then each save (batched:
a short quiet time, and the write must have finished) is re-read, re-planned and applied. By default
writes are drafts: updates are not published and new articles stay unpublished. One line per change,
with the time from the save to Pylon's answer. A file with problems is reported and skipped until it is
fixed; other files keep publishing. Ctrl-C lets writes in flight finish, then exits. See docs/watch.md.

Watch:
      --publish              publish what is applied (config watch.publish); --no-publish forces drafts
      --refresh-interval <s> re-read the knowledge base for changes made by others (default 300; 0: off);
                             on a terminal, r + Enter re-reads now
      --debounce <ms>        quiet time before a batch runs (config watch.debounceMs, default 150)

${COMMON}`,
  mcp: `Usage: pylon-kb mcp [options]

Runs an MCP (Model Context Protocol) server over stdio for coding agents, configured exactly as the other
commands (config file, env, flags). Tools: check, plan, apply (only a plan_id that plan returned in this
session, refused when stale), list_collections, get_article, search_articles. Resources: pylon-kb://config,
pylon-kb://collections. Stdout carries only protocol messages; logs go to stderr. See docs/mcp.md.

${COMMON}`,
};
