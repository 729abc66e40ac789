/** The English words of the export menu's, the handout's, the poster's and the videos' words, which load with the export code, rather than in the first load (scripts/lib/catalogPlugin.mjs,
 * ENGLISH_PARTS). Importing this module makes them available to `t`. */
import messages from 'virtual:catalog/en-exports';
import { addEnglish } from '../runtime.ts';

addEnglish(messages);
