// App-wide shell state: connectivity, a waiting new version, and the browser's install offer.
// PwaChrome shows it; other code registers work to save before an update reloads the page.
import { dev } from '$app/environment';
import { applyUpdate, registerServiceWorker, requestPersistence } from '$lib/platform/sw-client';

/** Chromium's install offer; not in TypeScript's DOM types. */
export interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

type Flush = () => Promise<void>;

class AppShell {
	/** What the browser says about the network. */
	online = $state(true);
	/** The service worker controls this page: bundled pages open with no network. */
	offlineReady = $state(false);
	updateReady = $state(false);
	updating = $state(false);
	updateError = $state<string | null>(null);
	installOffer = $state<BeforeInstallPromptEvent | null>(null);

	#flushers = new Set<Flush>();
	#started = false;

	get offline(): boolean {
		return !this.online;
	}

	/** Attaches listeners and registers the service worker; later calls do nothing. */
	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		this.online = navigator.onLine;
		window.addEventListener('online', () => {
			this.online = true;
		});
		window.addEventListener('offline', () => {
			this.online = false;
		});
		window.addEventListener('beforeinstallprompt', (event) => {
			// Keep the offer for our own button instead of the browser's mini-infobar.
			event.preventDefault();
			this.installOffer = event as BeforeInstallPromptEvent;
		});
		window.addEventListener('appinstalled', () => {
			this.installOffer = null;
			void requestPersistence();
		});
		// In development the worker would serve a cached shell over the dev server's live one.
		if (dev) return;
		const register = () =>
			void registerServiceWorker({
				onUpdateReady: (ready) => {
					this.updateReady = ready;
				},
				beforeReload: () => this.#flush()
			}).then((registration) => {
				if (!registration) return;
				const container = navigator.serviceWorker;
				this.offlineReady = !!container.controller;
				container.addEventListener('controllerchange', () => {
					this.offlineReady = !!container.controller;
				});
			});
		// In a task of its own: registering (and the first touch of storage it makes) is not added
		// to the task that renders the first view. (Not later: the precache that follows would
		// compete with the first view's own requests.)
		setTimeout(register, 0);
	}

	/** Registers work (saving reading state) to finish before an update reloads the page. */
	onBeforeUpdate(flush: Flush): () => void {
		this.#flushers.add(flush);
		return () => this.#flushers.delete(flush);
	}

	async #flush(): Promise<void> {
		await Promise.all([...this.#flushers].map((flush) => flush()));
	}

	async update(): Promise<void> {
		if (this.updating) return;
		this.updating = true;
		this.updateError = null;
		try {
			if (!(await applyUpdate(() => this.#flush()))) {
				// The waiting version went away (another tab took it): nothing to do here.
				this.updating = false;
				this.updateReady = false;
			}
		} catch {
			this.updating = false;
			this.updateError = '未能保存阅读状态,暂不更新。请稍后再试。';
		}
	}

	async install(): Promise<void> {
		const offer = this.installOffer;
		if (!offer) return;
		// An offer can be used once, whatever the reader answers.
		this.installOffer = null;
		try {
			await offer.prompt();
			if ((await offer.userChoice).outcome === 'accepted') void requestPersistence();
		} catch {
			// The browser withdrew the offer.
		}
	}
}

export const appShell = new AppShell();

/** Registers work to finish before an update reloads the page; returns the unregister. */
export function onBeforeUpdate(flush: () => Promise<void>): () => void {
	return appShell.onBeforeUpdate(flush);
}

export { requestPersistence };
