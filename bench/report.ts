// The shape of BENCHMARKS.json: what bench/run.ts measures and bench/render.ts writes out.
import type { ArchiveSize } from './archive';
import type { ArchiveVisit } from './archive-visit';
import type { benchLoad } from './load';
import type { benchScale } from './scale';
import type { benchLighthouse } from './lighthouse';
import type { Spread } from './stats';

export interface Machine {
	cpu: string;
	cores: number;
	ramGB: number;
	loadAverageAtStart: number[];
	loadAverageAtEnd?: number[];
	node: string;
	chromium: string;
	date: string;
	commit: string;
	dirtyFiles: number;
}

export interface ParseSection {
	parserVersion: number;
	runs: number;
	corpus: string;
	results: {
		size: string;
		bytes: number;
		articles: number;
		parse: { medianMBps: number; minMBps: number; maxMBps: number };
		split: { medianMBps: number; minMBps: number; maxMBps: number };
		parseToSplit: number;
	}[];
	linearity11MBvs110KB: number;
}

export interface Accuracy {
	precision: number;
	recall: number;
	queriesExact: number;
	queries: number;
	p50Ms: Spread;
	p95Ms: Spread;
}

export interface SearchSize {
	corpus: { bytes: number; pages: number; articles: number; queries: number };
	banmian: Accuracy & {
		totalsExact: boolean;
		restoredSameAsBuilt: boolean;
		allHits: { p50Ms: Spread; p95Ms: Spread };
		buildMs: Spread;
		heapBytes: number;
		heapPerTextByte: number;
		addEachMs: number;
		snapshotBytes: number;
		restoreMs: Spread;
		restoreOverBuild: number;
	};
	scan: Accuracy;
	flexsearchCjk?: Accuracy & { buildMs: number; heapBytes: number };
}

export type LoadSection = Awaited<ReturnType<typeof benchLoad>>;
export type ScaleSection = Awaited<ReturnType<typeof benchScale>>;
export type LighthouseSection = Awaited<ReturnType<typeof benchLighthouse>>;

export interface BenchReport {
	machine: Machine;
	options: { quick: boolean; build: boolean };
	buildMs?: number;
	totalSeconds?: number;
	partial?: string[];
	sections: {
		parse?: object;
		search?: Record<string, object>;
		load?: LoadSection;
		lighthouse?: LighthouseSection;
		scale?: ScaleSection;
		/** By page count. */
		archive?: Record<string, ArchiveSize>;
		/** The archive in Chromium, by page count. */
		archiveVisit?: Record<string, ArchiveVisit>;
	};
}
