// The API's types as the client receives them: what the server's read models return, after JSON.
// Clients name the server's own types through `Json<…>` instead of copying them by hand.

/** A value as `JSON.stringify` then `JSON.parse` gives it back: dates become strings, undefined fields vanish. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
        : T;
