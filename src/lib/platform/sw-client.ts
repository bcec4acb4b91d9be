// The page's side of the service worker: registration, noticing a waiting new version, and
// switching to it only when the reader accepts. Every failure here is swallowed: without a
// service worker the reader still works online.

export interface ServiceWorkerHooks {
	/** A new version is installed and waiting (true), or no longer waiting (false). */
	onUpdateReady(ready: boolean): void;
	/** Called before this page reloads because another tab switched versions. */
	beforeReload?(): Promise<void>;
}

let registration: ServiceWorkerRegistration | null = null;
let reloading = false;
let lastCheck = 0;

/** A service worker controls this page (a later visit). False where touching it throws. */
export function underServiceWorker(): boolean {
	try {
		return !!navigator.serviceWorker?.controller;
	} catch {
		return false; // sandboxed and storage-blocked frames throw on navigator.serviceWorker
	}
}

/** Standalone display means the app was installed. */
export function isInstalled(): boolean {
	if (typeof window === 'undefined') return false;
	const nav = navigator as Navigator & { standalone?: boolean };
	return nav.standalone === true || window.matchMedia?.('(display-mode: standalone)').matches;
}

/** Asks the browser to keep our storage under pressure; harmless to call often. */
export async function requestPersistence(): Promise<boolean> {
	try {
		const storage = navigator.storage;
		if (!storage?.persist) return false;
		if (await storage.persisted()) return true;
		return await storage.persist();
	} catch {
		return false;
	}
}

function storageUsable(): boolean {
	try {
		// Sandboxed or storage-blocked iframes throw on touching either of these.
		void window.localStorage.length;
		return 'serviceWorker' in navigator && !!navigator.serviceWorker;
	} catch {
		return false;
	}
}

function inIframe(): boolean {
	try {
		return window.self !== window.top;
	} catch {
		return true;
	}
}

function watch(reg: ServiceWorkerRegistration, hooks: ServiceWorkerHooks): void {
	// A waiting worker while a page is controlled is an update; with no controller it would be
	// the first install, which activates by itself.
	const report = () => hooks.onUpdateReady(!!reg.waiting && !!navigator.serviceWorker.controller);
	report();
	reg.addEventListener('updatefound', () => {
		const installing = reg.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed' || installing.state === 'redundant') report();
		});
	});
}

/** Looks for a new version now and then: on return to the tab and on reconnecting. */
function checkForUpdates(): void {
	const now = Date.now();
	if (!registration || !navigator.onLine || now - lastCheck < 60_000) return;
	lastCheck = now;
	registration.update().catch(() => {
		// Offline or the server is down: try again later.
	});
}

/**
 * Registers `./service-worker.js` beside the page. Resolves to the registration, or null where
 * service workers are unavailable (old browsers, storage-less iframes, insecure origins).
 */
export async function registerServiceWorker(
	hooks: ServiceWorkerHooks
): Promise<ServiceWorkerRegistration | null> {
	if (typeof window === 'undefined' || !storageUsable()) return null;
	if (inIframe() && !(await storageGranted())) return null;
	try {
		const container = navigator.serviceWorker;
		let controlled = !!container.controller;
		container.addEventListener('controllerchange', () => {
			// The first install taking over an uncontrolled page changes nothing it runs. Any
			// later change means another version now serves this page's files: reload once so
			// page and files match again.
			if (!controlled) {
				controlled = true;
				return;
			}
			if (reloading) return;
			reloading = true;
			void (hooks.beforeReload?.() ?? Promise.resolve())
				.catch(() => undefined)
				.then(() => window.location.reload());
		});

		// Some hosts (automation, enterprise policy) resolve without a registration.
		registration = (await container.register('./service-worker.js', { scope: './' })) ?? null;
		if (!registration) return null;
		watch(registration, hooks);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') checkForUpdates();
		});
		window.addEventListener('online', checkForUpdates);
		// Opening the app is the natural moment to look; browsers that check on navigation
		// merge this with their own check.
		if (container.controller) checkForUpdates();
		if (isInstalled()) void requestPersistence();
		return registration;
	} catch (error) {
		console.warn('离线功能不可用:', error);
		return null;
	}
}

async function storageGranted(): Promise<boolean> {
	try {
		// Third-party iframes may have partitioned or no storage; only register where the
		// browser says storage is ours to use.
		if (!document.hasStorageAccess) return true;
		return await document.hasStorageAccess();
	} catch {
		return false;
	}
}

/**
 * Switches to the waiting version: saves pending state first (`flush`), then lets the new
 * worker take over; the page reloads once when it does. Rejects, changing nothing, if `flush`
 * fails, so no reading state is lost to an update.
 */
export async function applyUpdate(flush: () => Promise<void>): Promise<boolean> {
	const waiting = registration?.waiting;
	if (!waiting) return false;
	await flush();
	reloading = true;
	navigator.serviceWorker.addEventListener(
		'controllerchange',
		() => {
			window.location.reload();
		},
		{ once: true }
	);
	waiting.postMessage({ type: 'SKIP_WAITING' });
	return true;
}
