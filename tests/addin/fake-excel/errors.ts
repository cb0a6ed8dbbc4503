/** Errors shaped like OfficeExtension.Error: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function notLoaded(prop: string, className: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${className} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const fail = (code: string, message: string) => new FakeOfficeError(code, message);
