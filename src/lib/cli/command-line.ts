/**
 * Command-line parsing for the project's scripts (new, ingest, check, report): `--help` prints the
 * usage, and a mistyped option is one line naming it plus the usage, never a stack trace.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** A mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export type CommandLine<T> = { help: true } | { help: false; values: T; positionals: string[] };

/** The offending option in node's parseArgs messages ("Unknown option '--x'. ..."). */
function optionIn(message: string): string | undefined {
	return /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
}

export function parseCommandLine<T = Record<string, unknown>>(
	argv: readonly string[],
	options: ParseArgsOptionsConfig,
	usage: string,
	{ positionals = true }: { positionals?: boolean } = {},
): CommandLine<T> {
	let parsed: { values: Record<string, unknown>; positionals: string[] };
	try {
		parsed = parseArgs({ args: [...argv], allowPositionals: positionals, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
	} catch (error) {
		const code = (error as { code?: string }).code;
		const option = optionIn((error as Error).message);
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? (error as Error).message}\n${usage}`);
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`option ${option ?? '(unknown)'} needs a value\n${usage}`);
		if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${/'([^']+)'/.exec((error as Error).message)?.[1] ?? ''}: this command takes no file or folder\n${usage}`);
		throw error;
	}
	if (parsed.values.help) return { help: true };
	return { help: false, values: parsed.values as T, positionals: parsed.positionals };
}

/**
 * For a script's entry point: its options, or the usage printed and the process ended (exit 0 on
 * --help, 2 on a mistake, with one line naming it).
 */
export function commandLineOrExit<T = Record<string, unknown>>(
	argv: readonly string[],
	options: ParseArgsOptionsConfig,
	usage: string,
	settings: { positionals?: boolean } = {},
): { values: T; positionals: string[] } {
	try {
		const commandLine = parseCommandLine<T>(argv, options, usage, settings);
		if (!commandLine.help) return commandLine;
		console.log(usage);
		process.exit(0);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exit(2);
	}
}
