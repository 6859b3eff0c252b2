// Kept in step with package.json (a test checks it), so the bundle and binary need no file reads.
export const VERSION = '0.1.0';
