/**
 * A stand-in for the `CustomFunctions` global of Office's custom functions runtime, enough to run
 * the functions file without Excel: `Error` keeps its code and message as the runtime's does, and
 * `associate` records what the build appended to the file.
 */
export class StandinFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const associated = new Map<string, (...args: never[]) => unknown>();

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StandinFunctionError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
    associate: (id: string, f: (...args: never[]) => unknown) => associated.set(id, f),
  };
}
