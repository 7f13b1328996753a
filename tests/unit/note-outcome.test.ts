/** A note's outcome comes from what it decides, never from misleading file-name words or template text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyNote } from '../../src/lib/lab/classify';
import { projectTracks } from '../../src/lib/lab/tracks';
import { noteOutcome, outcomeFromCode, verdictIn } from '../../src/lib/notes/outcome';
import { templateLeftovers, withoutTemplateText } from '../../src/lib/notes/template';
import { noteFile } from '../../src/lib/scaffold/note';

const FIXTURES = join(import.meta.dirname, '../fixtures/outcome-notes');
/** The outcome of a note body, under a file name and title that say nothing themselves. */
const outcomeOfBody = (body: string, { name = '2026-06-15-gemma-note.md', title = 'Gemma 4 note' } = {}) => noteOutcome({ name, title, body }).outcome;
const read = (name: string) => ({ path: `notes/${name}`, body: readFileSync(join(FIXTURES, name), 'utf8') });
const outcomeOf = (name: string) => {
	const note = read(name);
	const title = /^# (.+)$/m.exec(note.body)?.[1] ?? name;
	return classifyNote({ path: note.path, title, body: note.body }, projectTracks());
};

describe('outcome from what the note decides', () => {
	it.each([
		['2026-06-02-gemma-beat-best-sweep.md', 'negative', 'decision section'],
		['2026-06-03-gemma-current-best-retest.md', 'negative', 'decision line'],
		['2026-06-04-gemma-router-diagnostic.md', 'positive', 'decision section'],
		['2026-06-05-gemma-ws-no-improvement.md', 'negative', 'interpretation section'],
		['2026-06-06-gemma-tp2-smoke.md', 'blocker', 'result section'],
		['2026-06-07-gemma-kv-screens.md', 'negative', 'table'],
		['2026-06-08-gemma-allreduce-census.md', 'diagnostic', 'first paragraph'],
	])('%s is %s, from the %s', (name, outcome, from) => {
		const result = outcomeOf(name);
		expect(result.outcome).toBe(outcome);
		expect(result.outcomeFrom?.startsWith(from)).toBe(true);
	});

	it('quotes the sentence that decided', () => {
		expect(outcomeOf('2026-06-04-gemma-router-diagnostic.md').outcomeFrom).toBe('decision section: "Promote as the current strict Gemma 4 baseline and submit to LocalMaxxing."');
	});

	it('does not read "beat-best", "current-best" or "diagnostic" in a file name as the result', () => {
		// Without a body, only the file name is left, and these words say nothing about the outcome.
		for (const name of ['2026-06-02-gemma-beat-best-sweep.md', '2026-06-03-gemma-current-best-retest.md']) {
			expect(noteOutcome({ name, body: '' }).outcome).toBeUndefined();
		}
		expect(noteOutcome({ name: '2026-06-05-gemma-ws-no-improvement.md', body: '' })).toEqual({ outcome: 'negative', from: 'file name' });
	});

	it('reads the lab\'s decision styles: a Decision section, a "Decision:" line, a list under "Decision:"', () => {
		expect(noteOutcome({ name: 'x.md', body: '## Decision\n\nReject. It changed greedy output.\n' }).outcome).toBe('negative');
		expect(noteOutcome({ name: 'x.md', body: '## Result\n\nSlightly faster.\n\nDecision: promote this as the new strict baseline.\n' }).outcome).toBe('positive');
		expect(noteOutcome({ name: 'x.md', body: '## Interpretation\n\nSmall lift on p512/n512.\n\nDecision:\n\n- do not submit these runs;\n- keep `FLAG` unset.\n' }).outcome).toBe('negative');
	});

	it('does not count a claim of success under a negation or a question', () => {
		expect(verdictIn('None produced a new valid speed record.')?.outcome).toBe('negative');
		expect(verdictIn('Check whether output throughput beats the TP4 baseline.')?.outcome).not.toBe('positive');
		expect(verdictIn('Skipping allreduce gives a large prefill speedup, but does not improve decode.')?.outcome).toBe('negative');
	});

	it('prefers the note\'s own words to its paired data status, and uses the status when the note says nothing', () => {
		const body = '## Interpretation\n\nNot a useful workaround. Keep the default path enabled.\n';
		expect(noteOutcome({ name: 'x.md', body, pairedData: [{ status: 'hung_after_warmup_stopped' }] }).outcome).toBe('negative');
		expect(noteOutcome({ name: 'x.md', body: 'Ran the candidate.\n', pairedData: [{ status: 'promoted_strict_quality_pass' }] })).toEqual({
			outcome: 'positive',
			from: 'paired data status: promoted_strict_quality_pass',
		});
	});

	it('reads snake_case status codes, and codes that only say a run finished decide nothing', () => {
		expect(outcomeFromCode('quality_failed_raw145_n64')).toBe('negative');
		expect(outcomeFromCode('quality_screen_passed_no_improvement')).toBe('negative');
		expect(outcomeFromCode('quality_passed_not_promoted')).toBe('negative');
		expect(outcomeFromCode('promoted_strict_quality_pass')).toBe('positive');
		expect(outcomeFromCode('stalled_after_compile')).toBe('blocker');
		expect(outcomeFromCode('passed')).toBeUndefined();
		expect(outcomeFromCode('APPROVED')).toBeUndefined();
	});
});

describe('a note still holding the template', () => {
	const template = noteFile({ title: 'Gemma 4 flag screen', date: '2026-06-09' });

	it('is left unclassified, whatever its name says', () => {
		for (const path of [template.path, 'notes/2026-06-09-gemma-flag-screen-negative.md']) {
			expect(classifyNote({ path, title: 'Gemma 4 flag screen', body: template.text }, projectTracks()).outcome).toBeUndefined();
		}
	});

	it('names the sections that still hold template text', () => {
		expect(templateLeftovers(template.text)).toEqual(['Summary', 'Setup', 'Decision']);
		const decided = template.text.replace('Keep, reject, or investigate further, and why.', 'Reject: slower than the promoted baseline.');
		expect(templateLeftovers(decided)).toEqual(['Summary', 'Setup']);
		expect(classifyNote({ path: template.path, title: 'x', body: decided }, projectTracks()).outcome).toBe('negative');
	});

	it('never lets template sentences decide, even when the Decision was written', () => {
		// The Summary placeholder says "what came of it"; the Setup one mentions "warm or cold": neither is a result.
		const decided = template.text.replace('Keep, reject, or investigate further, and why.', 'Measured only; see the table.');
		expect(withoutTemplateText(decided)).not.toContain('What was tried');
		expect(classifyNote({ path: template.path, title: 'x', body: decided }, projectTracks()).outcome).not.toBe('negative');
	});
});

describe('outcomes as a careful reader defines them (hand-read sample rules)', () => {
	const outcome = (body: string, title = 'Gemma 4 note') => noteOutcome({ name: '2026-06-10-gemma-note.md', title, body }).outcome;

	it('a change kept as a quality-cleared branch is positive, even with a caveat about another flag', () => {
		const body = '## Decision\n\nKeep the fused gate/up work as a quality-cleared experimental branch. Do not use `FLAG=1` for quality claims until the ordering bug is fixed.\n';
		expect(outcome(body)).toBe('positive');
		expect(outcome('## Interpretation\n\nThis is a valid quality-preserving Gemma result at p1024/n256.\n\nThe p1536 attempt failed after profiling.\n')).toBe('positive');
	});

	it('a survey of references is diagnostic, whatever speeds it quotes from elsewhere', () => {
		const body = '## Takeaways\n\nThe upstream recipe uses TP4. It is a fallback if the full model remains too slow.\n';
		expect(outcome(body, 'Gemma External References')).toBe('diagnostic');
		expect(outcome(body, 'Gemma Flag Sweep')).toBe('negative');
	});

	it('says diagnostic when the note calls itself one', () => {
		expect(outcome('## Conclusion\n\nThe 4-card regression is not a bad card.\n\nThis is a diagnostic topology screen, so it was not submitted.\n')).toBe('diagnostic');
		expect(outcome('## Interpretation\n\nIt was much slower than the normal path, so it should stay diagnostic-only.\n')).toBe('diagnostic');
	});

	it('a "Result:" line about one aborted run does not outrank the summary that decides', () => {
		const body = '## Summary\n\nFollow-up probes did not find a better four-card path.\n\nResult: the process aborted, not a machine crash.\n';
		expect(outcome(body)).toBe('negative');
	});

	it('reads the speed verdict of the interpretation before a hang listed in the results', () => {
		const body = '## Results\n\n- GPU n-gram: drafts trimmed, then the engine stalled.\n\n## Interpretation\n\nThe PP2 speculative paths are not performance-useful yet.\n';
		expect(outcome(body)).toBe('negative');
	});
});

describe('decisions that defer, unblock or concern a diagnostic', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-11-gemma-note.md' });

	it('"do not submit until" defers; "the bug is unblocked" is a fix that unblocks', () => {
		expect(outcome('## Decision\n\nThe drafter bug is unblocked, but PP2 is still not a validated path. Do not submit PP2 until a 512-token run completes.\n')).toBe('positive');
	});

	it('declining to submit diagnostic runs is not a rejection', () => {
		expect(outcome('## Decision\n\nDo not promote or submit the diagnostic runs to LocalMaxxing. They are not speed benchmarks.\n')).toBe('diagnostic');
		expect(outcome('## Decision\n\nDo not promote or submit this candidate. It is slower than the promoted baseline.\n')).toBe('negative');
	});

	it('"neither produced a new record" and "not a fully quality-promoted result" are negative', () => {
		expect(outcome('## Summary\n\nTested two follow-ups. Neither produced a new valid speed record.\n')).toBe('negative');
		expect(outcome('## Summary\n\nThe 66.7 tok/s result should be treated as a datapoint, not a fully quality-promoted result.\n')).toBe('negative');
	});

	it('a note of several screens decides what most of its "Decision:" lines decide', () => {
		const body = [
			'## Where we are\n\nThe engine stalls with ngram_gpu before completing.',
			'## Screen A\n\nResult: unsafe.\n\nDecision:\n\n- Keep the fused op disabled; do not use it for the router.',
			'## Screen B\n\nDecision: plain ngram is closed; do not pursue it.',
			'## Screen C\n\nDecision: keep `--enforce-eager` off; it is a clear slowdown.',
			'## External notes\n\nThe upstream proposer stalls without a sync.',
		].join('\n\n');
		expect(outcome(body)).toBe('negative');
	});
});

describe('what a note did not achieve is not its result', () => {
	const outcome = (body: string, name = '2026-06-12-gemma-note.md') => noteOutcome({ name, title: 'Gemma 4 note', body }).outcome;

	it('"promoted" in a file name is the subject of a rerun, not a win', () => {
		expect(noteOutcome({ name: '2026-06-12-gemma-current-promoted-repeatability.md', body: '' }).outcome).toBe('diagnostic');
		expect(noteOutcome({ name: '2026-06-12-gemma-current-promoted-rerun.md', body: '' }).outcome).toBeUndefined();
	});

	it('a win still to be had is not one', () => {
		expect(outcome('Runtime flags are mostly exhausted, and the remaining large win requires changing the kernels.\n\nMore text.\n')).not.toBe('positive');
	});

	it('"do not promote" a path that never produced a token is a blocker', () => {
		const body = '## Conclusion\n\nDo not promote SP on this stack. The patch gets past the first failure, but the route ends in a compiler ICE before any quality token can be generated.\n';
		expect(outcome(body)).toBe('blocker');
		expect(outcome('## Conclusion\n\nDo not promote SP on this stack. It is slower than TP4.\n')).toBe('negative');
	});
});

describe('a fix that unblocks is positive', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-13-gemma-note.md', title: 'Gemma 4 bring-up' });

	it('"now loads and generates", "a real initialization fix"', () => {
		expect(outcome('## Status\n\nThe model now loads and generates through TP4.\n\nThis is not a promoted benchmark; it is a tiny smoke.\n')).toBe('positive');
		expect(outcome('## Decision\n\nKeep the local-rank patch because it is a real DP/EP initialization fix. Do not submit these smoke results.\n')).toBe('positive');
	});

	it('"not a promoted benchmark" alone rejects nothing', () => {
		expect(outcome('## Status\n\nThis is not a promoted benchmark; it is a tiny single-request smoke.\n')).not.toBe('negative');
	});
});

describe('wins stated plainly, and what is not the lab deciding', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-14-gemma-note.md' });

	it('"a large win" and "the first run to clear the target" are positive', () => {
		expect(outcome('## Findings\n\nThe NVMe move is a large iteration-speed win. Setting the budget to 512 was also negative.\n')).toBe('positive');
		expect(outcome('## Summary\n\nRe-enabling graph capture is the first run to clear the 60 tok/s target.\n\n## Results\n\nThe first submit attempt used `xpu`, but the API backend enum rejected that value.\n')).toBe('positive');
	});

	it('an API that rejects a payload is not the lab rejecting a change', () => {
		expect(outcome('## Results\n\nThe API rejected the payload; resubmitted with the base model id. The run is a new best.\n')).toBe('positive');
		expect(outcome('## Results\n\nRejected: slower than the promoted baseline.\n')).toBe('negative');
	});

	it('"only 1.4% slower" is a cost accepted, not a verdict; the last paragraph of a side section is not the note\'s', () => {
		expect(outcome('## Interpretation\n\nThe BF16 result is only about 1.4% slower than FP16.\n')).not.toBe('negative');
		const side = noteOutcome({ name: 'x.md', body: '## Stable results\n\nThe fixed path reaches 41 tok/s.\n\n## Negative / neutral screens\n\nFP8 KV was slower.\n\nAsync was slower too.\n' });
		expect(side.from?.startsWith('last paragraph')).toBe(false);
	});
});

describe('housekeeping, runs that never produced a number, and a table row that names a new best', () => {
	const outcome = (body: string) => noteOutcome({ name: '2026-06-15-gemma-note.md', title: 'Gemma 4 note', body });

	it('a cleanup that says it is not a speed record is neutral', () => {
		expect(outcome('## Summary\n\nRemoved the timing wrappers; keep them off by default. This is a cleanup and AOT-shape check, not a speed record.\n').outcome).toBe('neutral');
	});

	it('a drafter that stalls before producing tokens is a blocker, a canary that fails is a quality failure', () => {
		expect(outcome('## Conclusion\n\nDo not treat this drafter as a speed path. The first smoke stalls before producing 16 tokens.\n').outcome).toBe('blocker');
		expect(outcome('## Result\n\nRejected immediately. The exact canary failed before any benchmark.\n').outcome).toBe('negative');
	});

	it('a screen table whose verdict column names a new accepted best is positive', () => {
		const body = '## Results\n\n| Test | Output tok/s | Outcome |\n| --- | ---: | --- |\n| `--stream-interval 32` | 44.5 | negative |\n| `--async-engine` repeat | 48.1 | new accepted best |\n\n`--max-num-seqs 4` did not load under the normal recipe.\n';
		expect(outcome(body)).toEqual({ outcome: 'positive', from: 'table: "new accepted best"' });
	});

	it('news about a tool is not an update on the result', () => {
		const body = '## Screens\n\nAll three screens were slower than TP4.\n\n## Updated AOT census tooling\n\nThe census shows Inductor is already fusing useful work.\n';
		expect(outcome(body).from?.startsWith('updated aot census tooling')).toBe(false);
	});
});

describe('a note with a main result and follow-up screens', () => {
	const winner = [
		'# Gemma 4 Prefix Cache Off Win',
		'',
		'Date: 2026-06-10',
		'',
		'Turning the prefix cache off lifts strict decode from 40.1 to 40.6 output tok/s.',
		'',
		'## Reproduction',
		'',
		'Decision: promote and submit.',
		'',
		'## Chunked Prefill Follow-Up',
		'',
		'Decision: do not promote. Disabling chunked prefill is slower.',
		'',
		'## Async Scheduling',
		'',
		'Decision: do not promote. Close but below the promoted run.',
		'',
	].join('\n');

	it('takes the verdict the title names over the decisions of later follow-ups', () => {
		expect(noteOutcome({ name: 'x.md', title: 'Gemma 4 Prefix Cache Off Win', body: winner })).toEqual({ outcome: 'positive', from: 'title: "Gemma 4 Prefix Cache Off Win"' });
	});

	it('reads a "Decision:" line under the H1 as the opening, not as a side experiment', () => {
		const body = '# Gemma 4 tiles\n\nDecision: reject. The tile change is 2% slower.\n\n## Follow-up\n\nDecision: promote the old tiles as the new baseline.\n';
		expect(noteOutcome({ name: 'x.md', title: 'Gemma 4 tiles', body })).toMatchObject({ outcome: 'negative', from: 'decision line: "reject."' });
	});
});

describe('decisions about runs that tried no change', () => {
	it('calls a rerun of a known result a diagnostic, not a rejection', () => {
		const body = '## Decision\n\nUse 60.6 output tok/s as the anchor. Do not submit this as a new row because it is a lower repeat of an already submitted recipe.\n';
		expect(noteOutcome({ name: 'x.md', body }).outcome).toBe('diagnostic');
	});

	it('calls a patch recorded for later testing a diagnostic, whatever its file name says', () => {
		const body = 'A kernel fix exists upstream.\n\nDecision: record it as a candidate patch to apply and test only when returning to the dense model.\n';
		expect(noteOutcome({ name: '2026-06-11-upstream-kernel-fix.md', body }).outcome).toBe('diagnostic');
	});

	it('reads a path "closed for now" until something lands as blocked, and a closed lead as negative', () => {
		expect(verdictIn('Decision: DP4+EP is closed for now on 32GB cards. Revisit only if the allocator changes.')?.outcome).toBe('blocker');
		expect(verdictIn('The cache lead is closed as non-reproducible.')?.outcome).toBe('negative');
	});
});

describe('adopted baselines, new support, and earlier work recounted', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-15-gemma-note.md' });

	it('a run repeatable enough to use as the current baseline is adopted: positive', () => {
		expect(outcome('## Interpretation\n\nThe candidate is repeatable enough to use as the current strict baseline. The next target is 40 tok/s.\n')).toBe('positive');
		expect(outcome('## Summary\n\nThis supports treating the fused recipe as the current quality-safe Gemma 4 TP2 baseline.\n')).toBe('positive');
		expect(outcome('## Interpretation\n\nThe candidate is too noisy to use as the current baseline.\n')).not.toBe('positive');
		expect(outcome('## Interpretation\n\nThe candidate is not repeatable enough to use as the current baseline.\n')).not.toBe('positive');
	});

	it('a path that now supports what it could not is a fix: positive, though slower than the fastest path', () => {
		const body = '## Result\n\nThe Gemma decode path now supports BF16 hidden states.\n\n## Interpretation\n\nThe result does not beat the fastest FP16 number, but it closes the gap.\n';
		expect(outcome(body)).toBe('positive');
	});

	it('a sentence recounting earlier work does not reject what the note tried', () => {
		const body = '## Summary\n\nThe earlier Gemma graph experiments were fast, but their path was not quality-safe.\n\nI added an opt-in diagnostic path that reduces at every boundary. It is not a speed result yet.\n';
		expect(outcome(body)).toBe('diagnostic');
		// Deciding now about an earlier result is still a decision.
		expect(outcome('## Conclusion\n\nThe older 31 tok/s result should remain a historical high, not promoted over the strict range.\n')).toBe('negative');
	});
});

describe('the note\'s headline over what it met on the way', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-16-gemma-note.md' });

	it('screens that disagree, one of which is the new best: the best is the headline', () => {
		const body = '## PP2 result\n\nDecision: stable but not competitive.\n\n## TP4 n-gram new best\n\nDecision: this is the current validated Gemma best.\n';
		expect(outcome(body)).toBe('positive');
		expect(outcome('## PP2 result\n\nDecision: stable but not competitive.\n\n## TP4 n-gram\n\nDecision: do not promote; it is slower.\n')).toBe('negative');
	});

	it('an opening that claims the target is the result, before a hang met on the way', () => {
		const body = 'Gemma 4 crossed the 40 output tok/s target on two B70s without changing quality.\n\n## Result\n\n| Run | Output tok/s |\n| --- | ---: |\n| 1 | 41.2 |\n\n## Important findings\n\n- Without the flag, the first attempt hung after model load.\n';
		expect(outcome(body)).toBe('positive');
		expect(outcome('Gemma 4 did not reach the 40 output tok/s target.\n\n## Findings\n\n- The first attempt hung after model load.\n')).not.toBe('positive');
	});

	it('a forecast of a gain is not one', () => {
		expect(outcome('## Optimization implication\n\nThat makes CCL tuning less likely to deliver the full 25% uplift by itself.\n')).not.toBe('positive');
		expect(outcome('## Result\n\nThe fused path delivers a 25% uplift over the baseline.\n')).toBe('positive');
	});

	it('a change that turns a crash into a valid path is a fix, though not a speed record', () => {
		const body = '## Result\n\nThis fixes the unsupported-op crash, but it is not a new speed record.\n\n## Interpretation\n\nFused RMSNorm support is still worth keeping because it turns a crash into a valid execution path.\n';
		expect(outcome(body)).toBe('positive');
	});
});

describe('what sample 4 taught: bests so far, nothing measured yet, measurements, platform checks', () => {
	const outcome = (body: string, title = 'Gemma 4 note') => outcomeOfBody(body, { name: '2026-06-17-gemma-note.md', title });

	it('a best result so far is positive; a result now demoted is not', () => {
		expect(outcome('## Summary\n\nRaising draft tokens from 2 to 4 produced the best static FP8 result so far for Gemma 4.\n')).toBe('positive');
		expect(outcome('## Status Update\n\nThis result is now demoted to a limited-canary datapoint, not a fully qualified best.\n')).toBe('negative');
	});

	it('the first result promoted after a repair, and a previously rejected path turned valid, are positive', () => {
		expect(outcome('## Validation\n\n- Mean: 41.2 output tok/s.\n\nThis is the first repaired piecewise/AOT result promoted after the NUL-token failure was understood.\n')).toBe('positive');
		expect(outcome('## Validation\n\nThis converts the previously rejected 4096-context graph path into a valid result for this screen.\n')).toBe('positive');
	});

	it('no score yet because nothing useful completed is a blocker', () => {
		expect(outcome('## Later update\n\nThere is still no valid Gemma 4 throughput score. The runs so far are smoke tests with most layers on CPU, so they are not useful data.\n')).toBe('blocker');
	});

	it('a measurement that is not an optimization is diagnostic, unless it is a negative datapoint', () => {
		expect(outcome('## Interpretation\n\nThis should not be promoted as a new decode optimization. It is a useful prefill baseline.\n')).toBe('diagnostic');
		expect(outcome('## Interpretation\n\nThis should not be promoted as a new decode optimization. It is a useful negative datapoint.\n')).toBe('negative');
	});

	it('a platform change that left the validated result where it was is neutral', () => {
		expect(outcome('## Validation\n\nThe validated Gemma 4 command remains reproducible after the reboot and firmware update.\n')).toBe('neutral');
		expect(outcome('## Result\n\nThe firmware update did not regress the validated 44 tok/s result.\n')).toBe('neutral');
		// A gain says more than what it did not break.
		expect(outcome('## Result\n\nThe fused kernel is faster than the baseline and did not regress quality.\n')).toBe('positive');
	});

	it('a triage of suggestions is a survey', () => {
		expect(outcome('## Findings\n\nPlain n-gram and suffix decoding were negative or stalled on this stack.\n', 'External suggestion triage')).toBe('diagnostic');
	});
});

describe('what sample 5 taught: a path now runnable, a change worth carrying forward, tool news', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-18-gemma-note.md' });

	it('a path that is now runnable is positive, before what is still blocked', () => {
		expect(outcome('## Interpretation\n\nN-gram speculative decode is now runnable on the patched path. MTP is blocked earlier in startup.\n')).toBe('positive');
	});

	it('a change strong enough to carry forward, improving every tested shape, is positive', () => {
		expect(outcome('## Interpretation\n\nBlock-loaded scales are the first change of this pass that looks strong enough to carry forward.\n\n## Side Screens\n\nBias-in-accumulator was neutral. Keep the macro off by default.\n')).toBe('positive');
		expect(outcome('## Results\n\nThe patch improves every tested shape by 2-6%.\n')).toBe('positive');
	});

	it('news about a tool at the end of a note is not its conclusion', () => {
		const body = '## DBO Screen\n\nDecision: negative.\n\n## EP Screen\n\nDecision: negative, slower than the baseline.\n\n## Updated AOT Census Tooling\n\nThe census shows the compiler already fuses the local pointwise work.\n';
		expect(outcome(body)).toBe('negative');
	});
});

describe('what sample 6 taught: a setting adopted for runs, a cost not removed', () => {
	const outcome = (body: string) => outcomeOfBody(body, { name: '2026-06-19-gemma-note.md' });

	it('a decision to use a setting for a kind of run adopts it', () => {
		expect(outcome('## Decision\n\nUse async scheduling disabled for quality-sensitive single-session Gemma 4 TP4 runs until the bug is fixed.\n\nThe next path should keep async scheduling disabled.\n')).toBe('positive');
	});

	it('screens that did not remove the cost they targeted are negative, whatever probe they used', () => {
		expect(outcome('## Takeaway\n\nThe standalone all-gather probe measures 0.1 ms. Reusing the buffer and list all-gather did not remove that cost.\n')).toBe('negative');
	});
});
