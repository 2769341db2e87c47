/**
 * S9: the page runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles fast
 * parsers with `Function` when it may, and probes for it as its object schemas are built, which
 * the browser reports as a violation. Imported for its effect, FIRST in the page's entry
 * (client/src/main.tsx), before any module that builds a schema, so zod never tries.
 */
import { config } from 'zod';

config({ jitless: true });
