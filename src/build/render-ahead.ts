/**
 * A collection's markdown, rendered at most once per text. A build renders its notes while the lab
 * scan is still reading records (`ahead`), and each entry then takes the rendering of its text
 * (`of`): the same text renders to the same HTML, so only the time it is rendered changes.
 */
export class MarkdownRenderings<T> {
	private readonly byText = new Map<string, Promise<T>>();

	constructor(private readonly render: (markdown: string) => Promise<T>) {}

	/** The rendering of this text, started now unless it was started before. */
	of(markdown: string): Promise<T> {
		let rendering = this.byText.get(markdown);
		if (!rendering) {
			rendering = this.render(markdown);
			this.byText.set(markdown, rendering);
		}
		return rendering;
	}

	/**
	 * Renders these texts one after another, each started only after the last is done so other work
	 * (the scan's answer, other loaders) takes its turn between them. A failure is not reported here:
	 * it shows when its entry asks for it (`of`), as it would have without the head start.
	 */
	async ahead(markdown: Promise<readonly string[]>): Promise<void> {
		let texts: readonly string[];
		try {
			texts = await markdown;
		} catch {
			return;
		}
		for (const text of texts) await this.of(text).catch(() => undefined);
	}
}
