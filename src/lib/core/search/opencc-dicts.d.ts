// opencc-js ships its dictionaries as plain ES modules without typings. Each default export is
// `"key value value|key value|..."`; importing only the character tables keeps the phrase
// dictionaries (over 1 MB) out of the bundle.
declare module 'opencc-js/dict/TSCharacters' {
	const dict: string;
	export default dict;
}
declare module 'opencc-js/dict/STCharacters' {
	const dict: string;
	export default dict;
}
declare module 'opencc-js/dict/TWVariantsRev' {
	const dict: string;
	export default dict;
}
declare module 'opencc-js/dict/HKVariantsRev' {
	const dict: string;
	export default dict;
}
