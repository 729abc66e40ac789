/** The English words of the lesson dialogs (the quiz, the keyboard shortcuts), which load with the
 * dialogs after the first screen rather than in the first load (scripts/lib/catalogPlugin.mjs,
 * ENGLISH_PARTS). Importing this module makes them available to `t`. */
import messages from 'virtual:catalog/en-dialogs';
import { addEnglish } from '../runtime.ts';

addEnglish(messages);
