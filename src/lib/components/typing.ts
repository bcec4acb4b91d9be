/**
 * Whether a key press belongs to what has focus rather than to a shortcut: typing in a field or
 * editable text, choosing in a menu, or a dialog's own keys. `alsoWithin` names more such places
 * for a handler whose key those places use too (Enter on a link or button).
 */
export function keyBelongsToFocus(event: KeyboardEvent, alsoWithin = ''): boolean {
	const target = event.target;
	if (!(target instanceof Element)) return false;
	if (target instanceof HTMLElement && target.isContentEditable) return true;
	const places = 'input, textarea, select, [contenteditable="true"], dialog';
	return target.closest(alsoWithin ? `${places}, ${alsoWithin}` : places) !== null;
}
