/** The close-up's element id, which the queue node's button names in `aria-controls`: a module of
 * its own so the button (on the first screen) does not pull in the close-up (loaded later). */
export const CLOSEUP_ID = 'broker-closeup';
