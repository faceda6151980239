/** Sent in the User-Agent and printed by --version; test/package.test.ts keeps it equal to package.json's. */
export const CLI_VERSION = '0.1.0';
