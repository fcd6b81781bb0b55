import type { Readable } from 'node:stream';

/** Where a command writes and reads; injected so tests can run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Readable;
}

/** A subcommand: returns the process exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

const USAGE = `Usage: fact-context <command> [options]

Commands:
  kb [--json]                     print the compiled knowledge base (summary, or JSON)
  scan [--json] <file.html | file.txt | ->
                                  find covered companies and claims in a saved page, a text file or stdin
`;

const commands: Record<string, () => Promise<Command>> = {
  kb: async () => (await import('./commands/kb.ts')).kb,
  scan: async () => (await import('./commands/scan.ts')).scan,
};

/** Entry point of `fact-context`. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`fact-context: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    io.stderr(`fact-context ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
