/** The error a command reports for an input it cannot use at all, named by the input. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}
