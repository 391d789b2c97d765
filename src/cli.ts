#!/usr/bin/env node
// narrate's command, started in two steps. First a saved page named on the command line
// starts being read in a worker thread (src/web/early-read.ts); then the command line
// itself (cli-program.ts) loads, on this thread, beside it. A static import of the program
// would load all of its code before the worker could start.
import { startSavedPageRead } from './web/early-read.js';

startSavedPageRead(process.argv.slice(2));
await import('./cli-program.js');
