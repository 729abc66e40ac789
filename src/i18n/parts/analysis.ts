/** The English words of the words below the stage (the waterfall, the event log, the charts, What if?, an order's details), which load with that area's chunk, rather than in the first load (scripts/lib/catalogPlugin.mjs,
 * ENGLISH_PARTS). Importing this module makes them available to `t`. */
import messages from 'virtual:catalog/en-analysis';
import { addEnglish } from '../runtime.ts';

addEnglish(messages);
