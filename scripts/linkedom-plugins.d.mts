// Types for linkedom-plugins.mjs, so the tests can import it.
import type { Plugin } from 'esbuild';
export declare const noStyleSheets: Plugin;
export declare const lazyListenerMaps: Plugin;
export declare const upperCaseOnce: Plugin;
export declare const UPPER_CASE_ONCE: ReadonlyArray<readonly [string, string]>;
export declare const LAZY_LISTENER_MAPS: ReadonlyArray<readonly [string, string]>;
