// Which build of narrate is running: a hash of the bundled code, put in by esbuild
// (scripts/build.mjs). Undefined when the sources run directly (vitest, tsx).
declare const __NARRATE_BUILD_ID__: string;

export const BUILD_ID: string | undefined = typeof __NARRATE_BUILD_ID__ === 'string' ? __NARRATE_BUILD_ID__ : undefined;
