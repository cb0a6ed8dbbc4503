/** A source that cannot be read. `message` is the Italian line the user sees (it names the file). */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}
