import { describe, expect, it } from 'vitest';
import { activeParts, checkTree, runCampaign, type TreeOutcome } from '../../src/lib/fuzz/campaign';

describe('hostile lab campaign (short, seeded)', () => {
	it('finds no crash, no surviving script or secret, and no unaccounted file', () => {
		const failures: Array<[number, TreeOutcome]> = [];
		const counts = runCampaign({ trees: 40, seconds: 8, seed: 13, onFailure: (index, outcome) => failures.push([index, outcome]) });
		expect(failures).toEqual([]);
		expect(counts).toMatchObject({ crashes: 0, scriptsSurviving: 0, secretsSurviving: 0, unaccounted: 0 });
		expect(counts.trees).toBeGreaterThanOrEqual(10);
	}, 60_000);

	it('would notice a surviving script or secret (the campaign can fail)', () => {
		expect(activeParts('<p><img src=x onerror=alert(1)></p><a href="java\tscript:x">x</a>')).toEqual(expect.arrayContaining(['img onError', 'a href=script URL']));
		// A "secret" no rule knows: the campaign sees it published.
		const outcome = checkTree({ files: [{ path: 'notes/2026-05-01-x.md', text: '# X\n\nkey: unknown-shape-token-0042\n' }], secrets: ['unknown-shape-token-0042'] });
		expect(outcome.secrets).toEqual(['a planted secret (24 characters) survived in notes/2026-05-01-x.md page, notes/2026-05-01-x.md markdown']);
	});
});
