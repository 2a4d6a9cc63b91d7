// package.json's version, the only place it is written: esbuild.mjs puts it here at bundle time.
declare const DOCKGUARD_VERSION: string | undefined;

/** The product version; `development` when running from source (tests through tsx). */
export const VERSION: string = typeof DOCKGUARD_VERSION === 'string' ? DOCKGUARD_VERSION : 'development';
