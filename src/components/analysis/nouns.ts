/** What a distribution chart counts, each named by its plural message ("3 responses"). */
export type Noun = 'response' | 'email';
export const NOUN_IDS = { response: 'analysis.responses', email: 'analysis.emails' } as const;
