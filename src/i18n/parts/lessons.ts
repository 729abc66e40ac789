/** The English words of the lessons' own words (captions, predictions, goals, summaries, discussion) and the exercise's, which load with the first lesson, rather than in the first load (scripts/lib/catalogPlugin.mjs,
 * ENGLISH_PARTS). Importing this module makes them available to `t`. */
import messages from 'virtual:catalog/en-lessons';
import { addEnglish } from '../runtime.ts';

addEnglish(messages);
