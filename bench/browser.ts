// The browser the load and scale sections measure in: a phone profile, its throttling, and
// the performance observers both read back.
import { devices, type BrowserContext, type Page } from '@playwright/test';

export const PHONE = {
	...devices['Pixel 7'],
	viewport: { width: 412, height: 915 },
	deviceScaleFactor: 2.625,
	isMobile: true,
	hasTouch: true,
	locale: 'zh-CN'
};
/** Slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up (bytes per second). */
export const SLOW_4G = {
	offline: false,
	latency: 150,
	downloadThroughput: 1.6e6 / 8,
	uploadThroughput: 750e3 / 8
};
export const CPU_SLOWDOWN = 4;

/** Observers installed before any page script runs; read back as `window.__bench`. */
export const OBSERVERS = `(() => {
	const b = { lcp: null, lcpTag: null, lcpSize: 0, fcp: null, cls: 0, shifts: 0, longtasks: [] };
	window.__bench = b;
	const watch = (type, fn) => {
		try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); }
		catch {}
	};
	watch('largest-contentful-paint', (e) => {
		b.lcp = e.startTime; b.lcpSize = e.size;
		b.lcpTag = e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + String(e.element.className).split(' ')[0] : '') : null;
	});
	watch('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
	watch('layout-shift', (e) => { if (!e.hadRecentInput) { b.cls += e.value; b.shifts++; } });
	watch('longtask', (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }));
})();`;

/** Throttles the page and, through auto-attach, its dedicated worker and service worker. */
export async function throttle(context: BrowserContext, page: Page): Promise<() => string[]> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	const notes: string[] = [];
	let id = 0;
	const pending = new Map<number, string>();
	cdp.on('Target.receivedMessageFromTarget', (e) => {
		const message = JSON.parse(e.message) as { id?: number; error?: { message: string } };
		if (message.id !== undefined && pending.has(message.id)) {
			if (message.error) notes.push(`${pending.get(message.id)}: ${message.error.message}`);
			pending.delete(message.id);
		}
	});
	cdp.on('Target.attachedToTarget', (e) => {
		const type = e.targetInfo.type;
		const send = (method: string, params: object) => {
			pending.set(++id, `${type} ${method}`);
			cdp
				.send('Target.sendMessageToTarget', {
					sessionId: e.sessionId,
					message: JSON.stringify({ id, method, params })
				})
				.catch((error) => notes.push(`${type} ${method}: ${String(error)}`));
		};
		send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
		send('Network.enable', {});
		send('Network.emulateNetworkConditions', SLOW_4G);
	});
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: false,
		flatten: false
	});
	return () => [...new Set(notes)];
}
