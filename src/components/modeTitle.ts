/** What the two lanes are called on screen. (Numbers become text in src/format.) */

export const MODE_TITLE = { sync: 'Synchronous', async: 'Asynchronous' } as const;

/** A lane's name after its flow: "Synchronous checkout", "Asynchronous password check". */
export function laneName(mode: keyof typeof MODE_TITLE, flowLabel: string): string {
  return `${MODE_TITLE[mode]} ${flowLabel.charAt(0).toLowerCase()}${flowLabel.slice(1)}`;
}
