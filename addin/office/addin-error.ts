/** An error whose message is already the Italian sentence to show. */
export class AddinError extends Error {}
