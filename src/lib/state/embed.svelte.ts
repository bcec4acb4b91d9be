import { untrack } from 'svelte';
import { goto } from '$app/navigation';
import {
	EmbedError,
	parseEmbedParams,
	type EmbedParams,
	type EmbedSettings,
	type EmbedSettingsPatch
} from '../core/embed/protocol';
import type { EmbedBridge } from '../platform/embed-bridge';
import { articleHeading } from '../core/parse/title';
import { links } from '../links';
import { library } from './library.svelte';
import { pageLabel } from '../core/library/label';
import { readerSettings, fontScaleOf, fontStepFor } from './settings.svelte';
import { workerClient } from '../worker/client';

/** The library as `banmian:ready` lists it, in the library's own order (newest paper first). */
function readyListing() {
	return library.groups
		.flatMap((group) => group.documents)
		.map((doc) => ({
			id: doc.id,
			title: pageLabel(doc),
			articles: doc.articles.map((a) => ({ id: a.id, title: articleHeading(a) }))
		}));
}

/** Embed mode (`?embed=1&parent=…`): compact chrome and the postMessage bridge to the host. */
export class EmbedMode {
	readonly params: EmbedParams;
	readonly active: boolean;
	/** Library navigation is shown in an embed only when the host asks (`nav=1`). */
	readonly showLibrary: boolean;
	place = $state<{ doc: string | null; article: string | null }>({ doc: null, article: null });
	fraction = $state(0);
	#bridge: EmbedBridge | null = null;
	#stopAnnouncing: (() => void) | null = null;

	constructor(search: string) {
		this.params = parseEmbedParams(search);
		this.active = this.params.embed;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never mutated
		this.showLibrary = new URLSearchParams(search).get('nav') === '1';
	}

	/** The full reader at the same place, for 「在新窗口打开」. */
	fullReaderHref(hash: string): string {
		return `${location.origin}${location.pathname}${hash}`;
	}

	settings(): EmbedSettings {
		const s = readerSettings.current;
		return { theme: s.theme, fontScale: fontScaleOf(s.fontStep), writing: s.writing };
	}

	/** For this frame only: an embedding page never changes the reader's saved settings. */
	applySettings(patch: EmbedSettingsPatch): void {
		readerSettings.applyForFrame({
			...(patch.theme ? { theme: patch.theme } : {}),
			...(patch.writing ? { writing: patch.writing } : {}),
			...(patch.fontScale !== undefined ? { fontStep: fontStepFor(patch.fontScale) } : {})
		});
	}

	/** Applies the start parameters and, with an allowed parent, starts talking to it. */
	async start(content: HTMLElement): Promise<void> {
		if (!this.active) return;
		this.applySettings(this.params.settings);
		if (this.params.doc && (location.hash === '' || location.hash === '#/')) {
			await goto(
				this.params.article
					? links.article(this.params.doc, this.params.article)
					: links.page(this.params.doc),
				{ replaceState: true }
			);
		}
		// The bridge is only needed inside an embed: it loads then, not with every page.
		const { startEmbedBridge } = await import('../platform/embed-bridge');
		this.#bridge = startEmbedBridge({
			allowedOrigins: this.params.parents,
			handlers: {
				open: (doc, article) => this.#open(doc, article ?? null),
				search: (query, blocks) => this.#search(query, blocks),
				settings: (patch) => {
					this.applySettings(patch);
					return this.settings();
				},
				state: () => ({ ...this.place, fraction: this.fraction, settings: this.settings() })
			}
		});
		const bridge = this.#bridge;
		if (!bridge.active) return;
		bridge.observeHeight(content);
		await library.load();
		// Ready once the library has loaded, and again whenever its list changes after that.
		this.#stopAnnouncing = $effect.root(() => {
			$effect(() => {
				const documents = readyListing();
				untrack(() => bridge.ready(documents));
			});
		});
	}

	stop(): void {
		this.#stopAnnouncing?.();
		this.#bridge?.stop();
	}

	/** Tells the host where the reader is now. */
	navigated(doc: string | null, article: string | null): void {
		this.place = { doc, article };
		this.fraction = 0;
		if (!this.#bridge || !doc) return;
		const summary = library.summary(doc);
		const target = article ? summary?.articles.find((a) => a.id === article) : undefined;
		const title = (target && articleHeading(target)) || (summary ? pageLabel(summary) : doc);
		this.#bridge.navigated(doc, article, title);
	}

	progress(fraction: number): void {
		this.fraction = fraction;
		if (this.place.doc) this.#bridge?.progress(this.place.doc, this.place.article, fraction);
	}

	async #open(doc: string, article: string | null) {
		await library.load();
		const summary = library.summary(doc);
		if (!summary) throw new EmbedError('unknown-doc', `No document "${doc}" in this reader.`);
		const target = article ? summary.articles.find((a) => a.id === article) : null;
		if (article && !target) {
			throw new EmbedError('unknown-article', `No article "${article}" in document "${doc}".`);
		}
		await goto(target ? links.article(doc, target.id) : links.page(doc));
		return {
			doc,
			article: target?.id ?? null,
			title: target ? articleHeading(target) : pageLabel(summary)
		};
	}

	async #search(query: string, blocks: boolean) {
		await library.load();
		await workerClient.buildIndex();
		const filters = blocks ? { blocks } : {};
		const page = await workerClient.search(query, { offset: 0, limit: 50, filters });
		return {
			total: page.total,
			hits: page.hits.map((hit) => ({
				doc: hit.docId,
				// a block is no article the host could open: `open(doc)` shows its page
				article: hit.block ? null : hit.articleId,
				title: hit.title,
				snippet: hit.snippet.text,
				block: hit.block
			}))
		};
	}
}

export const embed = new EmbedMode(typeof location === 'undefined' ? '' : location.search);
