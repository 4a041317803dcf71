/** What the cold-start child loads: the core, as the CLI and the extension bundle it. */
export { checkNote } from '../src/verify/checkNote';
export { ClaimCache } from '../src/verify/cache';
