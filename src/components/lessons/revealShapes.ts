/** The lesson's answer as it shows on the stage (the card, or an embed's line) and in the side
 * panel's prediction, in one chunk loaded on demand (reveal.ts's REVEAL): a lesson shows them
 * only once it has ended. */
export { Reveal } from './RevealShown.tsx';
export { PredictionReveal } from './PredictionReveal.tsx';
