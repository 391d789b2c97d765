// Types for bundle-check.mjs, so the tests can import it.
export declare const FINDS_OWN_FILES: RegExp;
export declare function bundledFilesFindingOwnPath(metafile: { inputs: Record<string, unknown> }, reviewed: Iterable<string>, root?: string): Promise<string[]>;
