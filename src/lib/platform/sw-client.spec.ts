// The update handshake, with the browser's service-worker objects stood in for: the order of
// flush, SKIP_WAITING and reload is what keeps reading state and avoids mixed versions.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Fakes {
	container: EventTarget & { controller: object | null; register: ReturnType<typeof vi.fn> };
	registration: EventTarget & {
		waiting: { postMessage: ReturnType<typeof vi.fn> } | null;
		installing: null;
		update: ReturnType<typeof vi.fn>;
	};
	reload: ReturnType<typeof vi.fn>;
	log: string[];
}

function setup({ controlled = true, iframe = false, storage = true } = {}): Fakes {
	const log: string[] = [];
	const registration = Object.assign(new EventTarget(), {
		waiting: {
			postMessage: vi.fn((message: unknown) => log.push(`post ${JSON.stringify(message)}`))
		},
		installing: null,
		update: vi.fn(async () => undefined)
	});
	const container = Object.assign(new EventTarget(), {
		controller: controlled ? {} : null,
		register: vi.fn(async () => registration)
	});
	const reload = vi.fn(() => log.push('reload'));
	const win: Record<string, unknown> = {
		location: { reload },
		matchMedia: () => ({ matches: false }),
		addEventListener: () => undefined
	};
	Object.defineProperty(win, 'localStorage', {
		get() {
			if (!storage) throw new DOMException('blocked', 'SecurityError');
			return { length: 0 };
		}
	});
	win.self = win;
	win.top = iframe ? {} : win;
	vi.stubGlobal('window', win);
	vi.stubGlobal('navigator', { serviceWorker: container, onLine: true });
	vi.stubGlobal('document', {
		addEventListener: () => undefined,
		visibilityState: 'visible',
		hasStorageAccess: async () => storage
	});
	return { container, registration, reload, log };
}

async function load() {
	vi.resetModules();
	return import('./sw-client');
}

beforeEach(() => {
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('registerServiceWorker', () => {
	it('registers the worker beside the page and reports a waiting new version', async () => {
		const fakes = setup();
		const { registerServiceWorker } = await load();
		const onUpdateReady = vi.fn();
		expect(await registerServiceWorker({ onUpdateReady })).toBe(fakes.registration);
		expect(fakes.container.register).toHaveBeenCalledWith('./service-worker.js', { scope: './' });
		expect(onUpdateReady).toHaveBeenLastCalledWith(true);
		// Opening the app looks for a newer version.
		expect(fakes.registration.update).toHaveBeenCalled();
	});

	it('does not call a first install an update', async () => {
		setup({ controlled: false });
		const { registerServiceWorker } = await load();
		const onUpdateReady = vi.fn();
		await registerServiceWorker({ onUpdateReady });
		expect(onUpdateReady).toHaveBeenLastCalledWith(false);
	});

	it('stays out of an iframe without storage, and never throws', async () => {
		const fakes = setup({ iframe: true, storage: false });
		const { registerServiceWorker } = await load();
		expect(await registerServiceWorker({ onUpdateReady: vi.fn() })).toBeNull();
		expect(fakes.container.register).not.toHaveBeenCalled();
	});

	it('survives a failed registration', async () => {
		const fakes = setup();
		fakes.container.register.mockRejectedValueOnce(new Error('SecurityError'));
		const { registerServiceWorker } = await load();
		expect(await registerServiceWorker({ onUpdateReady: vi.fn() })).toBeNull();
	});

	it('reloads a page once, after saving, when another tab switches versions', async () => {
		const fakes = setup();
		const { registerServiceWorker } = await load();
		const beforeReload = vi.fn(async () => {
			fakes.log.push('saved');
		});
		await registerServiceWorker({ onUpdateReady: vi.fn(), beforeReload });
		fakes.container.dispatchEvent(new Event('controllerchange'));
		fakes.container.dispatchEvent(new Event('controllerchange'));
		await vi.waitFor(() => expect(fakes.reload).toHaveBeenCalled());
		expect(fakes.log).toEqual(['saved', 'reload']);
	});

	it('does not reload when the first install takes over the page', async () => {
		const fakes = setup({ controlled: false });
		const { registerServiceWorker } = await load();
		await registerServiceWorker({ onUpdateReady: vi.fn() });
		fakes.container.dispatchEvent(new Event('controllerchange'));
		await new Promise((done) => setTimeout(done, 10));
		expect(fakes.reload).not.toHaveBeenCalled();
	});
});

describe('applyUpdate', () => {
	it('saves, then tells the waiting worker to take over, then reloads once', async () => {
		const fakes = setup();
		const { registerServiceWorker, applyUpdate } = await load();
		await registerServiceWorker({ onUpdateReady: vi.fn() });
		const flush = vi.fn(async () => {
			await new Promise((done) => setTimeout(done, 5));
			fakes.log.push('saved');
		});
		expect(await applyUpdate(flush)).toBe(true);
		expect(fakes.log).toEqual(['saved', 'post {"type":"SKIP_WAITING"}']);
		expect(fakes.reload).not.toHaveBeenCalled();
		fakes.container.dispatchEvent(new Event('controllerchange'));
		fakes.container.dispatchEvent(new Event('controllerchange'));
		await new Promise((done) => setTimeout(done, 10));
		expect(fakes.reload).toHaveBeenCalledTimes(1);
	});

	it('changes nothing when saving fails', async () => {
		const fakes = setup();
		const { registerServiceWorker, applyUpdate } = await load();
		await registerServiceWorker({ onUpdateReady: vi.fn() });
		await expect(applyUpdate(() => Promise.reject(new Error('disk full')))).rejects.toThrow();
		expect(fakes.registration.waiting!.postMessage).not.toHaveBeenCalled();
	});

	it('does nothing when no new version waits', async () => {
		const fakes = setup();
		fakes.registration.waiting = null;
		const { registerServiceWorker, applyUpdate } = await load();
		await registerServiceWorker({ onUpdateReady: vi.fn() });
		const flush = vi.fn(async () => undefined);
		expect(await applyUpdate(flush)).toBe(false);
		expect(flush).not.toHaveBeenCalled();
	});
});
