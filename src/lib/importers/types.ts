/** What every importer speaks: artifact text in, record drafts or problems (file and message) out. */
import type { LabRecordInput } from '../schema/record';

export const ARTIFACT_FORMATS = [
	'vllm-bench-throughput',
	'vllm-bench-latency',
	'vllm-bench-serve',
	'llama-bench-json',
	'llama-bench-jsonl',
	'localmaxxing-payload',
	'localmaxxing-queue',
] as const;
export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The labels an artifact states about one run; the rest come from defaults, labels and --set. */
export type RecordDraft = DeepPartial<LabRecordInput>;

export interface DerivedRecord {
	/** Distinguishes runs inside one artifact (a llama-bench row, a queue entry); "" for single runs. */
	key: string;
	/** The artifact content this run came from, hashed into the record's stable id. */
	content: unknown;
	draft: RecordDraft;
}

export type ImportOutcome =
	| { ok: true; format: ArtifactFormat; records: DerivedRecord[] }
	| { ok: false; problems: ImportProblem[] };

/** Why an artifact (or part of one) cannot become a record. Worded for the file, without its name. */
export interface ImportProblem {
	file: string;
	message: string;
}

/** `file: message`, the line the ingest command prints. */
export const importProblemText = (problem: ImportProblem) => `${problem.file}: ${problem.message}`;

/** A companion file read with an artifact: the LocalMaxxing response that goes with a payload. */
export interface Companions {
	localmaxxingResponse?: { path: string; text: string };
}
