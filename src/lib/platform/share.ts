/**
 * 「分享」 and 「复制引用」: the Web Share sheet where the browser has one, else the clipboard.
 * Never throws; says what happened, so the view can tell the reader.
 */

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

export interface SharedText {
	/** The quote with its citation line. */
	text: string;
	title?: string;
	/** An absolute link to the paragraph. */
	url?: string;
}

/** The parts of `navigator` used here: injectable, so tests need no browser. */
export interface ShareTarget {
	share?: (data: { text?: string; title?: string; url?: string }) => Promise<void>;
	clipboard?: { writeText(text: string): Promise<void> };
}

function defaultTarget(): ShareTarget {
	return typeof navigator === 'undefined' ? {} : navigator;
}

/** Copies `text`: 'copied', or 'failed' when there is no clipboard or it refuses. */
export async function copyText(
	text: string,
	target: ShareTarget = defaultTarget()
): Promise<'copied' | 'failed'> {
	try {
		if (!target.clipboard) return 'failed';
		await target.clipboard.writeText(text);
		return 'copied';
	} catch {
		return 'failed';
	}
}

/**
 * Opens the share sheet, or copies when there is none or it refuses (no user gesture, a type it
 * cannot share). Closing the sheet is the reader's choice: 'cancelled', and nothing is copied.
 * A copied text carries the link on its own line, since the clipboard has no separate field.
 */
export async function shareOrCopy(
	shared: SharedText,
	target: ShareTarget = defaultTarget()
): Promise<ShareOutcome> {
	if (typeof target.share === 'function') {
		try {
			await target.share({
				text: shared.text,
				...(shared.title ? { title: shared.title } : {}),
				...(shared.url ? { url: shared.url } : {})
			});
			return 'shared';
		} catch (error) {
			if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
		}
	}
	return copyText(shared.url ? `${shared.text}\n${shared.url}` : shared.text, target);
}
