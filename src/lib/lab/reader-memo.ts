/**
 * What the per-file readers found, kept from one scan of a lab to the next (the dev server's edit
 * loop): a reader's result is reused while its file's text and the reader's other inputs are the
 * same, so saving one note reads that note again, not the whole lab. Only results of pure
 * functions are kept, and callers treat them as read-only (they are shared between scans).
 */
export interface ReaderMemo {
	/** `compute()`, unless `reader` already ran for `path` with the same `inputs` (compared with Object.is). */
	<T>(reader: string, path: string, inputs: readonly unknown[], compute: () => T): T;
}

/** No memory: every scan reads everything (a one-off build, `npm run check`). */
export const readEveryTime: ReaderMemo = (_reader, _path, _inputs, compute) => compute();

export interface ReaderCache {
	memo: ReaderMemo;
	/**
	 * The same string as the last scan's when equal, so later comparisons of a large input (every
	 * path of the lab) are by reference.
	 */
	intern(name: string, value: string): string;
	/** Ends a scan: results not asked for since the last sweep (deleted files) are forgotten. */
	sweep(): void;
	/** How many results were computed and reused since the cache was made (tests, the bench). */
	readonly counts: { computed: number; reused: number };
}

export function createReaderCache(): ReaderCache {
	let current = new Map<string, { inputs: readonly unknown[]; value: unknown }>();
	let previous = new Map<string, { inputs: readonly unknown[]; value: unknown }>();
	const interned = new Map<string, string>();
	const counts = { computed: 0, reused: 0 };
	const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
	const memo: ReaderMemo = <T>(reader: string, path: string, inputs: readonly unknown[], compute: () => T): T => {
		const key = `${reader}\u0000${path}`;
		const known = current.get(key) ?? previous.get(key);
		if (known && same(known.inputs, inputs)) {
			counts.reused += 1;
			current.set(key, known);
			return known.value as T;
		}
		counts.computed += 1;
		const value = compute();
		current.set(key, { inputs, value });
		return value;
	};
	return {
		memo,
		intern: (name, value) => {
			const known = interned.get(name);
			if (known === value) return known;
			interned.set(name, value);
			return value;
		},
		sweep: () => {
			previous = current;
			current = new Map();
		},
		counts,
	};
}
