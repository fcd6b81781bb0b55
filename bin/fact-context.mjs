#!/usr/bin/env node
// The command line runs the TypeScript sources directly through tsx, so `npx fact-context`
// works straight after `npm ci`, with no build step, on the very engine the extension bundles.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: () => process.stdin,
});
