/** The English words of the brokers' close-ups, which load with the close-up's chunk rather than
 * in the first load (scripts/lib/catalogPlugin.mjs, ENGLISH_PARTS). Importing this module makes
 * them available to `t`. */
import messages from 'virtual:catalog/en-closeups';
import { addEnglish } from '../runtime.ts';

addEnglish(messages);
