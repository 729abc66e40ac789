/** What the two lanes are called on screen. (Numbers become text in src/format.) */

export const MODE_TITLE = { sync: 'Synchronous', async: 'Asynchronous' } as const;
