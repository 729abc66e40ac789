/** The reveal's two shapes, the card and an embed's line, in one chunk loaded on demand
 * (StageReveal.tsx's REVEAL): a lesson shows them only once it has ended. */
export { RevealCard } from './RevealCard.tsx';
export { RevealLine } from './RevealLine.tsx';
