// The few globals core may use: they exist in Node, in workers and on the page alike.
// Core's tsconfig has no DOM lib, so anything not declared here cannot creep in.
interface TextDecoderOptions {
	fatal?: boolean;
	ignoreBOM?: boolean;
}
interface TextDecodeOptions {
	stream?: boolean;
}
declare class TextDecoder {
	constructor(label?: string, options?: TextDecoderOptions);
	readonly encoding: string;
	decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare class TextEncoder {
	encode(input?: string): Uint8Array;
}
declare const console: {
	log(...args: unknown[]): void;
	warn(...args: unknown[]): void;
	error(...args: unknown[]): void;
};
